package dev.ferry.simulator.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The times the audit records route reads, as leniently as Jira: ISO-8601 with {@code Z} or an offset, with or
 * without millis, Jira's own {@code +0000}, a bare date (its midnight, UTC) or epoch milliseconds.
 */
final class AuditTime {

    private static final DateTimeFormatter JIRA_FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX");

    private AuditTime() {
    }

    /** The instant, or a {@link DateTimeParseException} naming the text. */
    static Instant parse(String text) {
        // An unencoded '+' in a query string arrives as a space.
        String time = text.strip().replace(' ', '+');
        if (time.matches("\\d{9,}")) {
            return Instant.ofEpochMilli(Long.parseLong(time));
        }
        if (time.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(time).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException notIso) {
            return OffsetDateTime.parse(time, JIRA_FORM).toInstant();
        }
    }
}
