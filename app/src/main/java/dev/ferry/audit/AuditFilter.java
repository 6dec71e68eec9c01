package dev.ferry.audit;

import dev.ferry.refusal.PageLimit;
import dev.ferry.refusal.Refusal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which audit records a reader asks for, checked: a known action, ISO-8601 instants with {@code from}
 * inclusive and {@code to} exclusive, and a limit from 1 to 1000, skipping the first {@code offset} (paging).
 */
record AuditFilter(AuditAction action, Instant from, Instant to, int limit, int offset) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    static AuditFilter parse(String action, String from, String to, String limit) {
        AuditFilter filter = new AuditFilter(action(action), instant("from", from), instant("to", to),
                PageLimit.parse(limit, DEFAULT_LIMIT, MAX_LIMIT), 0);
        if (filter.from != null && filter.to != null && !filter.from.isBefore(filter.to)) {
            throw Refusal.invalid("from must be before to");
        }
        return filter;
    }

    /**
     * Page {@code page} (0: the newest) of {@code size} records, plus one more: if it comes back, another
     * page follows.
     */
    AuditFilter page(int page, int size) {
        return new AuditFilter(action, from, to, size + 1, Math.max(0, page) * size);
    }

    private static AuditAction action(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return AuditAction.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("unknown action " + text + "; actions are "
                    + Arrays.toString(AuditAction.values()));
        }
    }

    private static Instant instant(String name, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
