package dev.ferry.simulator.forge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The parts of a Jira event a test asks for by name on an issue (no change recorded on the site): the issue, who made
 * it, and a comment, worklog or empty changelog as the event needs. A change made through the site's people
 * ({@code PersonActions}) carries the real parts instead.
 */
final class ForgeEventParts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(70_000);

    private ForgeEventParts() {
    }

    static ObjectNode of(String eventType, JsonNode issue, String accountId, String siteUrl, Clock clock) {
        ObjectNode parts = JSON.createObjectNode();
        parts.set("issue", issue);
        parts.putObject("user").put("accountId", accountId);
        String at = clock.instant().toString();
        String id = Long.toString(IDS.incrementAndGet());
        if (eventType.endsWith(":issue") && eventType.contains(":updated:")) {
            parts.putObject("changelog").put("id", id).putArray("items");
        }
        if (eventType.endsWith(":comment") || eventType.equals("avi:jira:commented:issue")) {
            parts.putObject("comment").put("id", id).put("self", siteUrl + "/rest/api/3/issue/" + issue.path("id").asText()
                    + "/comment/" + id).put("created", at).put("updated", at).putObject("author").put("accountId", accountId);
        }
        if (eventType.endsWith(":worklog")) {
            parts.remove("issue");
            parts.putObject("worklog").put("id", id).put("issueId", issue.path("id").asText()).put("timeSpentSeconds", 3600)
                    .put("started", at).put("created", at).put("updated", at).putObject("author").put("accountId", accountId);
        }
        return parts;
    }
}
