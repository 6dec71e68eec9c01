package dev.ferry.jira;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON bodies Ferry sends to Jira's issue endpoints, in the shapes of Jira's OpenAPI spec. */
final class IssueBodies {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private IssueBodies() {
    }

    /** IssueUpdateDetails: the fields, plus {@code properties} so a marker is written with the issue itself. */
    static String create(IssueDraft draft) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode fields = body.putObject("fields");
        fields.putObject("project").put("key", draft.projectKey());
        ObjectNode type = fields.putObject("issuetype");
        if (draft.issueTypeId() != null) {
            type.put("id", draft.issueTypeId());
        } else {
            type.put("name", draft.issueTypeName());
        }
        fields.put("summary", draft.summary());
        if (draft.description() != null) {
            fields.set("description", draft.description());
        }
        if (draft.priority() != null) {
            fields.putObject("priority").put("name", draft.priority());
        }
        if (draft.labels() != null) {
            draft.labels().forEach(fields.putArray("labels")::add);
        }
        if (draft.assigneeAccountId() != null) {
            fields.putObject("assignee").put("accountId", draft.assigneeAccountId());
        }
        Map<String, JsonNode> properties = draft.properties() == null ? Map.of() : draft.properties();
        if (!properties.isEmpty()) {
            var array = body.putArray("properties");
            properties.forEach((key, value) -> array.addObject().put("key", key).set("value", value));
        }
        return JSON.writeValueAsString(body);
    }

    /** A comment, with {@code properties} so a marker is written with the comment itself. */
    static String comment(JsonNode adfBody, Map<String, JsonNode> properties) {
        ObjectNode body = JSON.createObjectNode();
        body.set("body", adfBody);
        if (!properties.isEmpty()) {
            var array = body.putArray("properties");
            properties.forEach((key, value) -> array.addObject().put("key", key).set("value", value));
        }
        return JSON.writeValueAsString(body);
    }

    static String remoteLink(RemoteLink link) {
        ObjectNode body = JSON.createObjectNode().put("globalId", link.globalId());
        ObjectNode object = body.putObject("object").put("url", link.url()).put("title", link.title());
        object.putObject("status").put("resolved", link.resolved());
        return JSON.writeValueAsString(body);
    }

    /** A search/jql page asking for the status and, with each issue, the issue properties named (Jira allows 5). */
    static String search(String jql, int maxResults, String nextPageToken, List<String> properties) {
        ObjectNode body = JSON.createObjectNode().put("jql", jql).put("maxResults", maxResults);
        body.putArray("fields").add("status");
        if (!properties.isEmpty()) {
            properties.forEach(body.putArray("properties")::add);
        }
        if (nextPageToken != null) {
            body.put("nextPageToken", nextPageToken);
        }
        return JSON.writeValueAsString(body);
    }

    /** Whether the search result's issue carries property {@code key} whose {@code path} (dotted) is {@code value}. */
    static boolean hasProperty(JsonNode issue, String key, String path, String value) {
        JsonNode node = issue.path("properties").path(key);
        for (String step : path.split("\\.")) {
            node = node.path(step);
        }
        return value.equals(node.asString(null));
    }

    /** {@code {id, key, fields: {status: {name, statusCategory: {key}}}}}, as get issue and search answer. */
    static JiraIssue issue(JsonNode issue) {
        JsonNode status = issue.path("fields").path("status");
        return new JiraIssue(issue.path("id").asString(), issue.path("key").asString(),
                status.path("name").asString(null), status.path("statusCategory").path("key").asString(null));
    }
}
