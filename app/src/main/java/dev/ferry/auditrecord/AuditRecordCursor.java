package dev.ferry.auditrecord;

import dev.ferry.refusal.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a list page ended: the last record's position, opaque to callers (base64url of {@code p|<position>}). The
 * next page starts strictly after it, and positions become visible in order, so no page repeats or skips a record.
 */
final class AuditRecordCursor {

    private static final String PREFIX = "p|";

    private AuditRecordCursor() {
    }

    static String encode(long position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; 0 (before the first record) when none is given. */
    static long decode(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
            if (plain.startsWith(PREFIX)) {
                long position = Long.parseLong(plain.substring(PREFIX.length()));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw Refusal.invalid("cursor is not one Ferry gave: pass nextCursor from the previous page unchanged");
    }
}
