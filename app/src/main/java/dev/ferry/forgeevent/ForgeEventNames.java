package dev.ferry.forgeevent;

import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Which Connect webhook event each Forge Jira event is, by the names in Atlassian's Forge "Jira events" reference.
 * Forge has one event for a comment created or edited ({@code avi:jira:commented:issue}); an edit is told apart by
 * the comment's {@code updated} differing from its {@code created}, as Jira's own comment REST resource shows it.
 */
final class ForgeEventNames {

    static final String COMMENTED = "avi:jira:commented:issue";

    private static final Map<String, String> CONNECT = Map.of(
            "avi:jira:created:issue", "jira:issue_created",
            "avi:jira:updated:issue", "jira:issue_updated",
            "avi:jira:deleted:issue", "jira:issue_deleted",
            COMMENTED, "comment_created",
            // Not in Atlassian's reference (edits arrive as avi:jira:commented:issue); kept so that a manifest
            // naming it still lands on the processor that handles an edit.
            "avi:jira:updated:comment", "comment_updated",
            "avi:jira:deleted:comment", "comment_deleted",
            "avi:jira:created:worklog", "worklog_created",
            "avi:jira:updated:worklog", "worklog_updated",
            "avi:jira:deleted:worklog", "worklog_deleted");

    private ForgeEventNames() {
    }

    /** The Connect event for this Forge event and body; empty for an event Ferry does not process. */
    static Optional<String> connectEvent(String forgeEvent, JsonNode body) {
        String connect = CONNECT.get(forgeEvent);
        if (COMMENTED.equals(forgeEvent) && edited(body.path("comment"))) {
            return Optional.of("comment_updated");
        }
        return Optional.ofNullable(connect);
    }

    private static boolean edited(JsonNode comment) {
        String created = comment.path("created").asString("");
        String updated = comment.path("updated").asString("");
        return !created.isEmpty() && !updated.isEmpty() && !created.equals(updated);
    }
}
