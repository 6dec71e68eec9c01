package dev.ferry.ingest.jira;

import dev.ferry.ingest.Activity;
import dev.ferry.ingest.ActivityKind;
import dev.ferry.ingest.NaturalKeys;
import java.net.URI;
import java.time.Instant;

/**
 * Builds the Jira activities the same way for the streams and the webhooks: the natural key, the small detail
 * record and the link a person follows. Detail values are cut: an activity says what changed, not the whole text.
 */
final class JiraActivities {

    /** Longest from/to text kept in a detail record. */
    static final int MAX_VALUE_CHARS = 200;

    private JiraActivities() {
    }

    /** Where the issue is seen: {@code {site}/browse/KEY}. */
    static String browse(URI site, String key) {
        String base = site.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/browse/" + key;
    }

    /** The issue's subject: id, key, project, summary and where to see it. */
    record Subject(String issueId, String key, String project, String summary, String url) {

        /** The issue on the site, seen at {@link #browse}. */
        static Subject on(URI site, String issueId, String key, String project, String summary) {
            return new Subject(issueId, key, project, summary, browse(site, key));
        }
    }

    static Activity created(Subject issue, String actorId, String actorName, Instant at) {
        return new Activity(NaturalKeys.issueCreated(issue.issueId()), ActivityKind.ISSUE_CREATED, actorId, actorName, at,
                "issue", issue.issueId(), issue.key(), issue.project(), issue.summary(), null, issue.url());
    }

    static Activity deleted(Subject issue, String actorId, String actorName, Instant at) {
        return new Activity(NaturalKeys.issueDeleted(issue.issueId()), ActivityKind.ISSUE_DELETED, actorId, actorName, at,
                "issue", issue.issueId(), issue.key(), issue.project(), issue.summary(), null, issue.url());
    }

    static Activity fieldChanged(Subject issue, String changelogId, int index, String field, String from, String to,
            String actorId, String actorName, Instant at) {
        return new Activity(NaturalKeys.fieldChanged(changelogId, index), ActivityKind.ISSUE_UPDATED, actorId, actorName,
                at, "issue", issue.issueId(), issue.key(), issue.project(), issue.summary(),
                detail("field", field, "from", from, "to", to), issue.url());
    }

    static Activity resolved(Subject issue, String changelogId, String resolution, String actorId, String actorName,
            Instant at) {
        return new Activity(NaturalKeys.resolved(changelogId), ActivityKind.ISSUE_RESOLVED, actorId, actorName, at,
                "issue", issue.issueId(), issue.key(), issue.project(), issue.summary(),
                detail("resolution", resolution, null, null, null, null), issue.url());
    }

    static Activity commentAdded(Subject issue, String commentId, String actorId, String actorName, Instant at) {
        return new Activity(NaturalKeys.commentAdded(commentId), ActivityKind.COMMENT_ADDED, actorId, actorName, at,
                "comment", commentId, issue.key(), issue.project(), issue.summary(), null, commentUrl(issue, commentId));
    }

    static Activity commentEdited(Subject issue, String commentId, String actorId, String actorName, Instant updated) {
        return new Activity(NaturalKeys.commentEdited(commentId, updated.toEpochMilli()), ActivityKind.COMMENT_EDITED,
                actorId, actorName, updated, "comment", commentId, issue.key(), issue.project(), issue.summary(), null,
                commentUrl(issue, commentId));
    }

    static Activity commentDeleted(Subject issue, String commentId, String actorId, String actorName, Instant at) {
        return new Activity(NaturalKeys.commentDeleted(commentId), ActivityKind.COMMENT_DELETED, actorId, actorName, at,
                "comment", commentId, issue.key(), issue.project(), issue.summary(), null, issue.url());
    }

    /** Added when Jira's created equals its updated, updated after; keyed by the updated time either way. */
    static Activity worklog(Subject issue, String worklogId, boolean added, int timeSpentSeconds, Instant started,
            String actorId, String actorName, Instant updated) {
        return new Activity(NaturalKeys.worklog(worklogId, updated.toEpochMilli()),
                added ? ActivityKind.WORKLOG_ADDED : ActivityKind.WORKLOG_UPDATED, actorId, actorName, updated, "worklog",
                worklogId, issue == null ? null : issue.key(), issue == null ? null : issue.project(),
                issue == null ? null : issue.summary(),
                detail("timeSpentSeconds", Integer.toString(timeSpentSeconds), "started",
                        started == null ? null : started.toString(), "issue", issue == null ? null : issue.key()),
                issue == null ? null : issue.url() + "?focusedWorklogId=" + worklogId);
    }

    static Activity worklogDeleted(String worklogId, Subject issue, String actorId, String actorName, Instant at) {
        return new Activity(NaturalKeys.worklogDeleted(worklogId), ActivityKind.WORKLOG_DELETED, actorId, actorName, at,
                "worklog", worklogId, issue == null ? null : issue.key(), issue == null ? null : issue.project(),
                issue == null ? null : issue.summary(), null, issue == null ? null : issue.url());
    }

    private static String commentUrl(Subject issue, String commentId) {
        return issue.url() + "?focusedCommentId=" + commentId;
    }

    /**
     * A flat JSON object of up to three named values, nulls left out, each cut to {@link #MAX_VALUE_CHARS}; written
     * by hand because it runs once per stored record. {@code timeSpentSeconds} is written as a number.
     */
    static String detail(String k1, String v1, String k2, String v2, String k3, String v3) {
        StringBuilder json = new StringBuilder(64).append('{');
        pair(json, k1, v1);
        pair(json, k2, v2);
        pair(json, k3, v3);
        return json.append('}').toString();
    }

    private static void pair(StringBuilder json, String key, String value) {
        if (key == null) {
            return;
        }
        if (json.length() > 1) {
            json.append(',');
        }
        json.append('"').append(key).append("\":");
        if (value == null) {
            json.append("null");
        } else if (key.equals("timeSpentSeconds")) {
            json.append(value);
        } else {
            quote(json, value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS - 1) + "…" : value);
        }
    }

    private static void quote(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
