package dev.ferry.simulator.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Confluence v2's cursor paging. For the modified-date orders the cursor names the last item answered (its time
 * and id), as Confluence's keyset cursors do: an item changed while a client pages moves ahead of the cursor and
 * is not answered again in that walk; nothing else shifts. Other orders page by offset. A cursor Confluence did
 * not hand out answers 400.
 */
final class ConfluencePaging {

    private ConfluencePaging() {
    }

    /** One page of {@code sorted} after {@code cursor}, and the cursor of the next page (null when none). */
    record Slice<T>(List<T> items, String next) {
    }

    /** {@code newestFirst} ordered as {@code sort} asks, then the page after {@code cursor}; empty for a bad cursor. */
    static <T extends ConfluenceData.Content> Optional<Slice<T>> slice(List<T> newestFirst, String sort,
            Comparator<T> other, String cursor, int limit) {
        boolean keyset = sort == null || sort.endsWith("modified-date");
        List<T> sorted = sort == null || sort.equals("-modified-date") ? newestFirst
                : sort.equals("modified-date") ? reversed(newestFirst) : newestFirst.stream().sorted(other).toList();
        int start;
        if (cursor == null) {
            start = 0;
        } else {
            String decoded = decode(cursor);
            if (decoded == null) {
                return Optional.empty();
            }
            start = keyset ? after(sorted, decoded, !"modified-date".equals(sort)) : offset(decoded);
            if (start < 0) {
                return Optional.empty();
            }
        }
        int end = Math.min(sorted.size(), start + limit);
        List<T> items = sorted.subList(start, end);
        String next = end >= sorted.size() ? null
                : keyset ? encode("m:" + items.get(items.size() - 1).modifiedMillis() + ":" + items.get(items.size() - 1).id)
                : encode("o:" + end);
        return Optional.of(new Slice<>(List.copyOf(items), next));
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The index of the first item after the position {@code m:<millis>:<id>} in the order. */
    private static <T extends ConfluenceData.Content> int after(List<T> sorted, String position, boolean descending) {
        String[] parts = position.split(":");
        if (parts.length != 3 || !parts[0].equals("m")) {
            return -1;
        }
        try {
            long millis = Long.parseLong(parts[1]);
            long id = Long.parseLong(parts[2]);
            for (int i = 0; i < sorted.size(); i++) {
                T item = sorted.get(i);
                int order = Long.compare(item.modifiedMillis(), millis);
                order = order != 0 ? order : Long.compare(item.idNumber(), id);
                if (descending ? order < 0 : order > 0) {
                    return i;
                }
            }
            return sorted.size();
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int offset(String position) {
        try {
            return position.startsWith("o:") ? Integer.parseInt(position.substring(2)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
