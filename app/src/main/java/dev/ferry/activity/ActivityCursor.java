package dev.ferry.activity;

import dev.ferry.refusal.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where a page ended: the last activity's time and id, and the order it was read in. Opaque to callers (base64url
 * of {@code d|2026-03-01T10:00:00.123456Z|42}); the next page starts strictly after it in that order, so rows
 * stored meanwhile neither repeat nor push others out.
 */
record ActivityCursor(Instant occurredAt, long id, boolean ascending) {

    String encode() {
        String plain = (ascending ? "a" : "d") + "|" + occurredAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static ActivityCursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8).split("\\|");
            if (parts.length == 3 && (parts[0].equals("a") || parts[0].equals("d"))) {
                return new ActivityCursor(Instant.parse(parts[1]), Long.parseLong(parts[2]), parts[0].equals("a"));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // answered below
        }
        throw Refusal.invalid("cursor is not one Ferry gave: pass nextCursor from the previous page unchanged");
    }
}
