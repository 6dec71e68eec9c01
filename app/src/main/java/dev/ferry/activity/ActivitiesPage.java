package dev.ferry.activity;

import dev.ferry.console.Shown;
import dev.ferry.ingest.ActivityKind;
import java.util.List;
import java.util.Locale;

/**
 * The Activities page: the filters as chosen, one page of activities, the links to the next page and to the
 * exports, and, when nothing matched, why.
 */
record ActivitiesPage(List<Option> people, List<Option> connections, List<Option> sources, List<Option> kinds,
        String from, String to, List<Row> rows, boolean empty, String nextHref, String ndjsonHref, String csvHref,
        String error, List<String> explanation) {

    /** Whether the page says why nothing matched. */
    boolean explained() {
        return !explanation.isEmpty();
    }

    ActivitiesPage {
        error = Shown.sentence(error);
    }

    /** A choice of a filter. */
    record Option(String value, String label, boolean selected) {
    }

    /**
     * One activity as a person reads it: {@code who} the person's name, or "unmapped: " and the name Jira showed;
     * {@code href} null unless the object has a web address.
     */
    record Row(String when, String who, boolean mapped, String kind, String what, String object, String href,
            String site) {

        static Row of(ActivityItem a) {
            ActivityItem.Actor actor = a.actor();
            String who = actor.person() != null ? actor.person().name()
                    : "unmapped: " + (actor.displayName() != null ? actor.displayName()
                            : actor.accountId() != null ? actor.accountId() : "anonymous");
            ActivityItem.ActivityObject o = a.object();
            String object = o.key() != null ? o.key() + (o.title() == null ? "" : " " + o.title())
                    : o.title() != null ? o.title() : o.type() + " " + o.id();
            String href = o.url() != null && (o.url().startsWith("https://") || o.url().startsWith("http://")) ? o.url() : null;
            return new Row(Shown.time(a.occurredAt()), who, actor.person() != null, a.kind(), label(a.kind()), object,
                    href, a.site());
        }
    }

    /** {@code issue_updated}: "Issue updated". */
    static String label(String kind) {
        String words = kind.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String label(ActivityKind kind) {
        return label(kind.value());
    }
}
