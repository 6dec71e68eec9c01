package dev.ferry.simulator.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.simulator.rest.Json;
import java.time.Instant;
import java.util.Map;

/** Builds webhook bodies in the shape Jira sends them (PROTOCOL §7). */
final class WebhookBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> EVENT_TYPE_NAMES = Map.of(
            "jira:issue_created", "issue_created", "jira:issue_updated", "issue_generic",
            "jira:issue_deleted", "issue_deleted", "comment_created", "issue_commented",
            "comment_updated", "issue_comment_edited", "comment_deleted", "issue_comment_deleted");

    private WebhookBodies() {
    }

    /**
     * @param issue   the issue in Jira's REST shape
     * @param changes field → {from, to} for an update; empty for other events
     */
    static ObjectNode body(String event, JsonNode issue, Map<String, String[]> changes, String accountId, String siteUrl,
            Instant at, long changeId) {
        return body(event, issue, changes, null, accountId, siteUrl, at, changeId);
    }

    /**
     * @param changelog the changelog entry {id, items} the site recorded for an update, carried as is (the same id
     *                  and item order the REST API then shows); null to build one from {@code changes}
     */
    static ObjectNode body(String event, JsonNode issue, Map<String, String[]> changes, JsonNode changelog,
            String accountId, String siteUrl, Instant at, long changeId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("timestamp", at.toEpochMilli());
        body.put("webhookEvent", event);
        if (EVENT_TYPE_NAMES.containsKey(event)) {
            body.put("issue_event_type_name", EVENT_TYPE_NAMES.get(event));
        }
        body.set("user", user(accountId, siteUrl));
        if (event.startsWith("worklog_")) {
            body.set("worklog", worklog(issue, accountId, siteUrl, at, changeId));
            return body;
        }
        body.set("issue", issue);
        if (event.equals("jira:issue_updated") && changelog != null) {
            body.set("changelog", changelog);
        } else if (event.equals("jira:issue_updated") && !changes.isEmpty()) {
            ObjectNode built = body.putObject("changelog");
            built.put("id", Long.toString(changeId));
            changes.forEach((field, fromTo) -> built.withArray("items").addObject().put("field", field)
                    .put("fieldtype", "jira").put("fromString", fromTo[0]).put("toString", fromTo[1]));
        }
        if (event.startsWith("comment_")) {
            body.set("comment", comment(issue, accountId, siteUrl, at, changeId));
        }
        return body;
    }

    private static ObjectNode user(String accountId, String siteUrl) {
        ObjectNode user = JSON.createObjectNode();
        user.put("self", siteUrl + "/rest/api/2/user?accountId=" + accountId);
        user.put("accountId", accountId);
        user.put("displayName", "Simulated Admin");
        user.put("active", true);
        user.put("timeZone", "Etc/UTC");
        user.put("accountType", "atlassian");
        return user;
    }

    private static ObjectNode comment(JsonNode issue, String accountId, String siteUrl, Instant at, long id) {
        ObjectNode comment = JSON.createObjectNode();
        comment.put("self", siteUrl + "/rest/api/2/issue/" + issue.path("id").asText() + "/comment/" + id);
        comment.put("id", Long.toString(id));
        comment.set("author", user(accountId, siteUrl));
        comment.put("body", "A comment from the simulator");
        comment.put("created", Json.time(at));
        comment.put("updated", Json.time(at));
        return comment;
    }

    private static ObjectNode worklog(JsonNode issue, String accountId, String siteUrl, Instant at, long id) {
        ObjectNode worklog = JSON.createObjectNode();
        worklog.put("self", siteUrl + "/rest/api/2/issue/" + issue.path("id").asText() + "/worklog/" + id);
        worklog.set("author", user(accountId, siteUrl));
        worklog.put("timeSpent", "1h");
        worklog.put("timeSpentSeconds", 3600);
        worklog.put("id", Long.toString(id));
        worklog.put("issueId", issue.path("id").asText());
        worklog.put("started", Json.time(at));
        worklog.put("created", Json.time(at));
        worklog.put("updated", Json.time(at));
        return worklog;
    }
}
