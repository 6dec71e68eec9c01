package dev.ferry.ingest;

/**
 * The one way each activity is named, whoever sees it: the poller, a fetch for a date range and a live webhook
 * all build an activity's key here, so the store keeps it once. Jira's ids are unique per site; the store
 * scopes every key to its organization and site.
 */
public final class NaturalKeys {

    private NaturalKeys() {
    }

    public static String issueCreated(String issueId) {
        return "issue:" + issueId + ":created";
    }

    public static String issueDeleted(String issueId) {
        return "issue:" + issueId + ":deleted";
    }

    /** One field change: the changelog entry's id and the item's index in it, as Jira lists the items. */
    public static String fieldChanged(String changelogId, int itemIndex) {
        return "changelog:" + changelogId + ":" + itemIndex;
    }

    /** The changelog entry that resolved the issue (a resolution set, or the status moved to done). */
    public static String resolved(String changelogId) {
        return "changelog:" + changelogId + ":resolved";
    }

    public static String commentAdded(String commentId) {
        return "comment:" + commentId;
    }

    /** An edit of a comment, by the time Jira says it was last updated (epoch milliseconds). */
    public static String commentEdited(String commentId, long updatedMillis) {
        return "comment:" + commentId + ":edited:" + updatedMillis;
    }

    public static String commentDeleted(String commentId) {
        return "comment:" + commentId + ":deleted";
    }

    /** A worklog as of its last update (epoch milliseconds): added when that is its creation, updated after. */
    public static String worklog(String worklogId, long updatedMillis) {
        return "worklog:" + worklogId + ":" + updatedMillis;
    }

    public static String worklogDeleted(String worklogId) {
        return "worklog:" + worklogId + ":deleted";
    }

    /** A page's version: version 1 is its creation. */
    public static String pageVersion(String pageId, int version) {
        return "page:" + pageId + ":v" + version;
    }

    /** A page comment's version: version 1 is the comment made. */
    public static String pageCommentVersion(String commentId, int version) {
        return "page-comment:" + commentId + ":v" + version;
    }
}
