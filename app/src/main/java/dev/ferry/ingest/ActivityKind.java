package dev.ferry.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person did; each kind belongs to one source. */
public enum ActivityKind {
    ISSUE_CREATED(ActivitySource.JIRA),
    /** One changed field of one changelog entry: which field, from → to. */
    ISSUE_UPDATED(ActivitySource.JIRA),
    /** A resolution was set, or the status moved into the done category. */
    ISSUE_RESOLVED(ActivitySource.JIRA),
    ISSUE_DELETED(ActivitySource.JIRA),
    COMMENT_ADDED(ActivitySource.JIRA),
    COMMENT_EDITED(ActivitySource.JIRA),
    COMMENT_DELETED(ActivitySource.JIRA),
    WORKLOG_ADDED(ActivitySource.JIRA),
    WORKLOG_UPDATED(ActivitySource.JIRA),
    WORKLOG_DELETED(ActivitySource.JIRA),
    PAGE_CREATED(ActivitySource.CONFLUENCE),
    /** A new version of a page (version 2 on). */
    PAGE_UPDATED(ActivitySource.CONFLUENCE),
    /** A footer or inline comment on a page (which, in the detail). */
    PAGE_COMMENTED(ActivitySource.CONFLUENCE),
    PAGE_COMMENT_EDITED(ActivitySource.CONFLUENCE);

    private final ActivitySource source;

    ActivityKind(ActivitySource source) {
        this.source = source;
    }

    public ActivitySource source() {
        return source;
    }

    /** As the API writes it: {@code issue_created}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ActivityKind> of(String value) {
        return Arrays.stream(values()).filter(kind -> kind.value().equals(value)).findFirst();
    }
}
