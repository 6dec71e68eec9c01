package dev.ferry.audit;

import dev.ferry.console.Shown;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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

    /**
     * One record, named as people name things; {@code action} is the code, {@code actionLabel} its words, and
     * the detail in pieces the page may wrap between.
     */
    record Row(String occurredAt, String actor, String action, String actionLabel, String target, List<Piece> detail) {

        static Row of(AuditEntry entry, AuditNames.Names names) {
            return new Row(SHOWN.format(entry.occurredAt()), AuditWords.actor(entry.actor(), names), entry.action(),
                    label(entry.action()), AuditWords.target(entry.action(), entry.target(), names),
                    Piece.of(AuditWords.detail(entry.action(), entry.detail(), names)));
        }
    }

    /**
     * Part of a detail, cut after each comma: a list such as {@code scopes=events:write,links:read} has no
     * space to wrap at, and a table cell must not break inside a word.
     */
    record Piece(String text, boolean wrapBefore) {

        static List<Piece> of(String detail) {
            List<Piece> pieces = new ArrayList<>();
            int start = 0;
            for (int comma = detail.indexOf(','); comma >= 0; comma = detail.indexOf(',', comma + 1)) {
                pieces.add(new Piece(detail.substring(start, comma + 1), start > 0));
                start = comma + 1;
            }
            pieces.add(new Piece(detail.substring(start), start > 0));
            return pieces;
        }
    }

    /** {@code LINK_REMOVED}: "Link removed". */
    static String label(String action) {
        String words = action.replace('_', ' ').toLowerCase(java.util.Locale.ROOT).replace("api key", "API key");
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
