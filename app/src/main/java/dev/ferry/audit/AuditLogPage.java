package dev.ferry.audit;

import dev.ferry.console.Shown;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The audit log page: the filters as given, one page of records, and links to the pages around it. */
record AuditLogPage(List<Option> actions, String from, String to, List<Row> records, boolean empty, String newerHref,
        String olderHref, String error) {

    /** A refusal of a service ("no destination d1") reads as a sentence on the page. */
    AuditLogPage {
        error = Shown.sentence(error);
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** An action to filter by. */
    record Option(String value, String label, boolean selected) {
    }

    /** One record, named as people name things; {@code action} is the code, {@code actionLabel} its words. */
    record Row(String occurredAt, String actor, String action, String actionLabel, String target, String detail) {

        static Row of(AuditEntry entry, AuditNames.Names names) {
            return new Row(SHOWN.format(entry.occurredAt()), AuditWords.actor(entry.actor(), names), entry.action(),
                    label(entry.action()), AuditWords.target(entry.action(), entry.target(), names),
                    AuditWords.detail(entry.action(), entry.detail(), names));
        }
    }

    /** {@code LINK_REMOVED}: "Link removed". */
    static String label(String action) {
        String words = action.replace('_', ' ').toLowerCase(java.util.Locale.ROOT).replace("api key", "API key");
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
