package dev.ferry.ingest.confluence;

import java.time.Instant;

/**
 * Where a newest-first walk of a Confluence listing is, as the engine keeps it between pages (and across a restart
 * hours later: Confluence's cursors name a position in the order, not a session, so they stay good).
 *
 * @param listing      which listing ({@code p} pages, {@code f} footer comments, {@code i} inline comments)
 * @param pass         0 walks back to the window's start; each later pass catches up with what changed meanwhile
 * @param top          the newest modification this pass met at its start; null before its first page
 * @param previousTop  the top of the pass before: a catch-up pass reads back to it (null in pass 0)
 * @param after        Confluence's cursor for the next listing page; null for the top
 */
record WalkCursor(String listing, int pass, Instant top, Instant previousTop, String after) {

    private static final String VERSION = "c1";

    static WalkCursor start(String listing) {
        return new WalkCursor(listing, 0, null, null, null);
    }

    String encode() {
        return VERSION + ";" + listing + ";" + pass + ";" + millis(top) + ";" + millis(previousTop) + ";"
                + (after == null ? "" : after);
    }

    /** The cursor the engine kept; a cursor this code did not write is refused rather than guessed at. */
    static WalkCursor decode(String text) {
        String[] parts = text.split(";", 6);
        if (parts.length != 6 || !parts[0].equals(VERSION)) {
            throw new IllegalArgumentException("not a Confluence walk cursor: " + text);
        }
        return new WalkCursor(parts[1], Integer.parseInt(parts[2]), instant(parts[3]), instant(parts[4]),
                parts[5].isEmpty() ? null : parts[5]);
    }

    private static String millis(Instant instant) {
        return instant == null ? "" : Long.toString(instant.toEpochMilli());
    }

    private static Instant instant(String millis) {
        return millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }
}
