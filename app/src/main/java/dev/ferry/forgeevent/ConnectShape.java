package dev.ferry.forgeevent;

import dev.ferry.jira.JiraActivityReads;
import java.time.DateTimeException;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Forge Jira event rewritten as the Connect webhook body Ferry's processors read: {@code timestamp} (epoch ms),
 * {@code webhookEvent}, {@code user.accountId} (Forge's {@code atlassianId}), and {@code issue}, {@code changelog},
 * {@code comment}, {@code worklog} as Forge sends them, which are Jira's REST shapes like the Connect ones. Forge
 * names no user's display name; processors fall back to the account id's own records.
 */
final class ConnectShape {

    private ConnectShape() {
    }

    static ObjectNode of(String connectEvent, String forgeEvent, JsonNode forge, Instant receivedAt) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("timestamp", timestamp(forge, receivedAt));
        body.put("webhookEvent", connectEvent);
        body.put("forgeEventType", forgeEvent);
        String eventTypeName = text(forge.path("jiraEventTypeName"));
        if (eventTypeName != null) {
            body.put("issue_event_type_name", eventTypeName);
        }
        String actor = text(forge.path("atlassianId"));
        if (actor != null) {
            body.putObject("user").put("accountId", actor);
        }
        copy(forge, body, "issue");
        copy(forge, body, "comment");
        copy(forge, body, "worklog");
        JsonNode changelog = forge.path("changelog");
        if (changelog.isObject()) {
            body.set("changelog", changelog);
        } else if (changelog.isArray()) {
            body.putObject("changelog").set("items", changelog);
        }
        return body;
    }

    /**
     * When the change happened: Forge's {@code timestamp} (live payloads carry it, as a string of epoch ms), else the
     * changed entity's own {@code updated}, else the receipt. A late retry then never reads as a newer change.
     */
    static long timestamp(JsonNode forge, Instant receivedAt) {
        JsonNode stated = forge.path("timestamp");
        if (stated.isIntegralNumber() && stated.canConvertToLong() && stated.asLong() >= 0) {
            return stated.asLong();
        }
        if (stated.isString() && stated.asString().matches("\\d{1,18}")) {
            return Long.parseLong(stated.asString());
        }
        for (String entity : new String[] {"worklog", "comment"}) {
            Instant updated = time(forge.path(entity).path("updated"));
            if (updated != null) {
                return updated.toEpochMilli();
            }
        }
        Instant issueUpdated = time(forge.path("issue").path("fields").path("updated"));
        return (issueUpdated != null ? issueUpdated : receivedAt).toEpochMilli();
    }

    /** Jira's time format, or null for none or a text that is not one (the next source is tried). */
    private static Instant time(JsonNode node) {
        try {
            return JiraActivityReads.time(text(node));
        } catch (DateTimeException notJiraTime) {
            return null;
        }
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from.path(field);
        if (value.isObject()) {
            to.set(field, value);
        }
    }

    private static String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }
}
