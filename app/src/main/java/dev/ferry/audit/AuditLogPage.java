package dev.ferry.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The audit log page: the filters as given, one page of records, and links to the pages around it. */
record AuditLogPage(List<Option> actions, String from, String to, List<Row> records, boolean empty, String newerHref,
        String olderHref, String error) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** An action to filter by. */
    record Option(String value, String label, boolean selected) {
    }

    /** One record. */
    record Row(String occurredAt, String actor, String action, String target, String detail) {

        static Row of(AuditEntry entry) {
            return new Row(SHOWN.format(entry.occurredAt()), entry.actor(), entry.action(),
                    entry.target() == null ? "" : entry.target(), entry.detail() == null ? "" : entry.detail());
        }
    }
}
