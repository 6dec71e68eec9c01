package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The site's audit log as {@code GET /rest/api/3/auditing/record} reads it: records a test adds one by one,
 * kept as given, and at most one generated range, made from each record's index when a page shows it so a
 * million of them cost no memory. Both live together, ordered by created then id.
 */
public final class AuditLog {

    /** Above this, {@link #all()} would materialise too much for a test assertion. */
    static final int MOST_LISTED = 100_000;

    private final Clock clock;
    private final TreeMap<AuditKey, ObjectNode> added = new TreeMap<>();
    private final Map<Long, ObjectNode> addedById = new HashMap<>();
    private GeneratedAudit generated = GeneratedAudit.NONE;
    private long lastId = 1000;
    private volatile int shortPages;
    private final AtomicInteger requests = new AtomicInteger();

    AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** Adds a record as Jira writes one when someone changes something, and answers its id. */
    public synchronized long add(String summary, String category, Instant created) {
        return store(AuditRecordJson.written(++lastId, summary, category, created));
    }

    /**
     * Stores the record exactly as given, unexpected fields and all; only a missing id (the next one) or created
     * (now) is filled in, since paging needs both. Answers its id.
     */
    public synchronized long add(ObjectNode record) {
        if (!record.hasNonNull("id")) {
            record.put("id", ++lastId);
        } else {
            lastId = Math.max(lastId, record.path("id").asLong());
        }
        if (!record.hasNonNull("created")) {
            record.put("created", Json.time(clock.instant()));
        }
        return store(record);
    }

    private long store(ObjectNode record) {
        long id = record.path("id").asLong();
        ObjectNode replaced = addedById.put(id, record);
        if (replaced != null) {
            added.remove(AuditKey.of(replaced));
        }
        added.put(AuditKey.of(record), record);
        return id;
    }

    /**
     * {@code count} synthetic records spread evenly over [from, to], ids increasing with created, made from their
     * index whenever a page shows them. One generated range per site.
     */
    public synchronized void generate(int count, Instant from, Instant to) {
        if (generated != GeneratedAudit.NONE) {
            throw new IllegalStateException("the site has a generated audit range already");
        }
        if (count < 0 || to.isBefore(from)) {
            throw new IllegalArgumentException("count must be positive and from not after to");
        }
        generated = new GeneratedAudit(count, from.toEpochMilli(), to.toEpochMilli(), lastId + 1);
        lastId += count;
    }

    /**
     * From now on every page holds at most {@code max} records whatever {@code limit} asks, as Jira sometimes answers
     * a page short in the middle of a range; 0 turns it off.
     */
    public void shortPages(int max) {
        shortPages = Math.max(0, max);
    }

    /** Every record on the site, added and generated. */
    public synchronized int total() {
        return added.size() + generated.count();
    }

    /** How many records are held as JSON: the added ones; generated records are never kept. */
    public synchronized int stored() {
        return added.size();
    }

    /** Every record, newest first: for assertions on small logs only. */
    public synchronized List<ObjectNode> all() {
        if (total() > MOST_LISTED) {
            throw new IllegalStateException("the audit log holds " + total() + " records; read it in pages");
        }
        return page(new AuditQuery(Long.MIN_VALUE, Long.MAX_VALUE, List.of(), 0, MOST_LISTED)).records();
    }

    public synchronized Optional<ObjectNode> byId(long id) {
        ObjectNode record = addedById.get(id);
        return record != null ? Optional.of(record) : generated.byId(id);
    }

    /** How many audit record requests the site answered, refusals included. */
    public int requests() {
        return requests.get();
    }

    void counted() {
        requests.incrementAndGet();
    }

    int pageCap() {
        return shortPages;
    }

    /** The records matching the query, newest first, from its offset: the added and generated ones merged. */
    synchronized AuditPage page(AuditQuery query) {
        List<ObjectNode> explicit = matchingAdded(query);
        GeneratedAudit.View view = generated.view(query);
        int total = explicit.size() + view.size();
        int offset = (int) Math.min(query.offset(), total);
        int fromAdded = addedBefore(explicit, view, offset);
        int fromGenerated = offset - fromAdded;
        List<ObjectNode> records = new ArrayList<>();
        while (records.size() < query.limit() && (fromAdded < explicit.size() || fromGenerated < view.size())) {
            boolean takeAdded = fromGenerated >= view.size() || fromAdded < explicit.size()
                    && AuditKey.of(explicit.get(fromAdded)).compareTo(view.keyNewestFirst(fromGenerated)) > 0;
            records.add(takeAdded ? explicit.get(fromAdded++) : view.recordNewestFirst(fromGenerated++));
        }
        return new AuditPage(total, records);
    }

    private List<ObjectNode> matchingAdded(AuditQuery query) {
        NavigableMap<AuditKey, ObjectNode> inRange = added.subMap(AuditKey.first(query.from()), true,
                AuditKey.last(query.to()), true).descendingMap();
        return inRange.values().stream().filter(query::matches).toList();
    }

    /** How many added records come before the merged position {@code offset}: their positions only grow. */
    private static int addedBefore(List<ObjectNode> explicit, GeneratedAudit.View view, int offset) {
        int low = 0;
        int high = explicit.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            long position = middle + view.newerThan(AuditKey.of(explicit.get(middle)));
            if (position < offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** One page: how many records match, and the page's records. */
    record AuditPage(int total, List<ObjectNode> records) {
    }
}
