package dev.ferry.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Webhook bodies of issue events, shaped like Jira's. */
public final class IssueEvents {

    private IssueEvents() {
    }

    public static String updated(String issueId, String key, String status, String category, long timestamp) {
        return Installs.json(body("jira:issue_updated", issueId, key, status, category, timestamp));
    }

    public static String deleted(String issueId, String key, long timestamp) {
        return Installs.json(body("jira:issue_deleted", issueId, key, "Done", "done", timestamp));
    }

    public static Map<String, Object> body(String event, String issueId, String key, String status, String category,
            long timestamp) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", timestamp);
        body.put("webhookEvent", event);
        body.put("issue_event_type_name", "issue_generic");
        body.put("user", Map.of("accountId", "557058:reporter", "displayName", "Rae Porter"));
        body.put("issue", Map.of("id", issueId, "key", key, "fields", Map.of(
                "summary", "Checkout conversion dropped",
                "status", Map.of("name", status, "statusCategory", Map.of("key", category, "name", status)))));
        body.put("changelog", Map.of("items", java.util.List.of(Map.of("field", "status", "toString", status))));
        return body;
    }

    public static String comment(String issueId, long timestamp) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", timestamp);
        body.put("webhookEvent", "comment_created");
        body.put("issue", Map.of("id", issueId, "key", "OPS-1"));
        body.put("comment", Map.of("id", "10001", "body", "Looking into it"));
        return Installs.json(body);
    }
}
