package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A range of synthetic audit records spread evenly over [from, to]: record {@code i} is created at
 * {@code from + (to - from) * i / (count - 1)} with id {@code firstId + i}, and is built only when a page shows
 * it. Created never falls as i grows, so a time is found by binary search, never by a scan.
 */
final class GeneratedAudit {

    static final GeneratedAudit NONE = new GeneratedAudit(0, 0, 0, 1);

    private final int count;
    private final long fromMillis;
    private final long spanMillis;
    private final long firstId;
    /** The last filter's matches: paging a filtered range reads the whole range once, not once a page. */
    private Filtered lastFiltered;

    GeneratedAudit(int count, long fromMillis, long toMillis, long firstId) {
        this.count = count;
        this.fromMillis = fromMillis;
        this.spanMillis = toMillis - fromMillis;
        this.firstId = firstId;
    }

    int count() {
        return count;
    }

    long created(int index) {
        return count < 2 ? fromMillis : fromMillis + Math.multiplyExact(spanMillis, (long) index) / (count - 1);
    }

    AuditKey key(int index) {
        return new AuditKey(created(index), firstId + index);
    }

    ObjectNode record(int index) {
        return AuditRecordJson.generated(index, firstId + index, created(index));
    }

    Optional<ObjectNode> byId(long id) {
        long index = id - firstId;
        return index >= 0 && index < count ? Optional.of(record((int) index)) : Optional.empty();
    }

    /** The first index created at or after {@code millis}. */
    private int firstAtOrAfter(long millis) {
        int low = 0;
        int high = count;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (created(middle) < millis) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The generated records a query matches, in ascending order. */
    View view(AuditQuery query) {
        int low = firstAtOrAfter(query.from());
        int high = query.to() == Long.MAX_VALUE ? count : firstAtOrAfter(query.to() + 1);
        if (query.words().isEmpty() || low >= high) {
            return new View(null, low, Math.max(low, high));
        }
        if (lastFiltered == null || !lastFiltered.matches(query.words(), low, high)) {
            int[] matching = IntStream.range(low, high).filter(index -> query.matches(record(index))).toArray();
            lastFiltered = new Filtered(query.words(), low, high, matching);
        }
        return new View(lastFiltered.indexes(), 0, lastFiltered.indexes().length);
    }

    private record Filtered(List<String> words, int low, int high, int[] indexes) {

        boolean matches(List<String> otherWords, int otherLow, int otherHigh) {
            return words.equals(otherWords) && low == otherLow && high == otherHigh;
        }
    }

    /** Positions [start, end) over the indexes (or over the indexes themselves when {@code indexes} is null). */
    final class View {

        private final int[] indexes;
        private final int start;
        private final int end;

        private View(int[] indexes, int start, int end) {
            this.indexes = indexes;
            this.start = start;
            this.end = end;
        }

        int size() {
            return end - start;
        }

        private int index(int position) {
            return indexes == null ? start + position : indexes[start + position];
        }

        AuditKey keyNewestFirst(int nth) {
            return key(index(size() - 1 - nth));
        }

        ObjectNode recordNewestFirst(int nth) {
            return record(index(size() - 1 - nth));
        }

        /** How many of the view's records sort after {@code key}: they come before it, newest first. */
        int newerThan(AuditKey key) {
            int low = 0;
            int high = size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (key(index(middle)).compareTo(key) <= 0) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return size() - low;
        }
    }
}
