package dev.ferry.forgeevent;

import dev.ferry.simulator.PersonActions;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Forge event a change on the simulated site makes, built from the Connect webhook the same change made: the
 * names of Atlassian's Forge Jira events reference, {@code atlassianId} and {@code associatedUsers} for the user,
 * users as bare {@code {accountId}} objects (Forge's {@code User} type), {@code timestamp} as a string of epoch ms
 * (as live Forge payloads carry it), and a {@code contextToken} that differs on every attempt.
 */
final class ForgeEvents {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> FORGE = Map.of(
            "jira:issue_created", "avi:jira:created:issue",
            "jira:issue_updated", "avi:jira:updated:issue",
            "jira:issue_deleted", "avi:jira:deleted:issue",
            // Forge sends a created and an edited comment as the same event.
            "comment_created", "avi:jira:commented:issue",
            "comment_updated", "avi:jira:commented:issue",
            "comment_deleted", "avi:jira:deleted:comment",
            "worklog_created", "avi:jira:created:worklog",
            "worklog_updated", "avi:jira:updated:worklog",
            "worklog_deleted", "avi:jira:deleted:worklog");

    private ForgeEvents() {
    }

    static ObjectNode of(PersonActions.Webhook webhook) {
        JsonNode connect = JSON.readTree(webhook.body());
        ObjectNode forge = JSON.createObjectNode();
        forge.put("eventType", FORGE.get(webhook.event()));
        String actor = connect.path("user").path("accountId").asString();
        forge.put("atlassianId", actor);
        forge.putObject("associatedUsers").putArray("associatedUsers").addObject().put("accountId", actor);
        for (String part : new String[] {"issue", "changelog", "comment", "worklog"}) {
            if (connect.has(part)) {
                forge.set(part, bareUsers(connect.get(part).deepCopy()));
            }
        }
        forge.put("timestamp", Long.toString(connect.path("timestamp").asLong()));
        forge.putObject("context").put("cloudId", "cloud-1").put("moduleKey", "jira-events-trigger");
        return attempt(forge);
    }

    /** The same event as Forge sends it again: a new context token, and what the retry is. */
    static ObjectNode retry(ObjectNode event, int retryCount) {
        ObjectNode again = attempt(event.deepCopy());
        again.putObject("retryContext").put("retryCount", retryCount).put("retryReason", "FUNCTION_RETRY_REQUEST");
        return again;
    }

    private static ObjectNode attempt(ObjectNode event) {
        event.put("contextToken", "ctx-" + UUID.randomUUID());
        return event;
    }

    /** Forge's {@code User} is {@code {accountId}}: what Jira's REST shape says beyond it is dropped. */
    private static JsonNode bareUsers(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("accountId") && object.has("displayName")) {
                object.retain("accountId");
                return object;
            }
            object.properties().forEach(field -> bareUsers(field.getValue()));
        } else if (node.isArray()) {
            node.forEach(ForgeEvents::bareUsers);
        }
        return node;
    }
}
