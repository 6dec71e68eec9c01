package dev.ferry.forgeevent;

import dev.ferry.descriptor.ForgeModules;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Which Connect webhook event each Forge Jira event is: the manifest's own table ({@link ForgeModules}), which names
 * them as Atlassian's Forge "Jira events" reference does.
 * Forge has one event for a comment created or edited ({@code avi:jira:commented:issue}); an edit is told apart by
 * the comment's {@code updated} differing from its {@code created}, as Jira's own comment REST resource shows it.
 */
final class ForgeEventNames {

    static final String COMMENTED = "avi:jira:commented:issue";

    private ForgeEventNames() {
    }

    /** The Connect event for this Forge event and body; empty for an event Ferry does not process. */
    static Optional<String> connectEvent(String forgeEvent, JsonNode body) {
        if (COMMENTED.equals(forgeEvent) && edited(body.path("comment"))) {
            return Optional.of("comment_updated");
        }
        return ForgeModules.connectEventFor(forgeEvent);
    }

    private static boolean edited(JsonNode comment) {
        String created = comment.path("created").asString("");
        String updated = comment.path("updated").asString("");
        return !created.isEmpty() && !updated.isEmpty() && !created.equals(updated);
    }
}
