package dev.ferry.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.simulator.rest.JiraRest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A person working in the simulated site's UI: files issues, moves them, comments, logs work. It goes
 * through the same REST handlers the app uses, but unauthenticated and unrecorded.
 */
public final class SiteAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TRANSITIONS = Map.of("To Do", "11", "In Progress", "21", "Done", "31");

    private final JiraRest rest;
    private final Supplier<String> siteUrl;

    SiteAdmin(JiraRest rest, Supplier<String> siteUrl) {
        this.rest = rest;
        this.siteUrl = siteUrl;
    }

    /** Files an issue and answers its key. */
    public String createIssue(String projectKey, String issueType, String summary) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode fields = body.putObject("fields");
        fields.putObject("project").put("key", projectKey);
        fields.putObject("issuetype").put("name", issueType);
        fields.put("summary", summary);
        fields.set("description", paragraph(summary));
        return call("POST", "/rest/api/3/issue", body).path("key").asText();
    }

    /** Moves the issue to "To Do", "In Progress" or "Done". */
    public void transition(String issueKey, String statusName) {
        String id = TRANSITIONS.get(statusName);
        if (id == null) {
            throw new IllegalArgumentException("no status " + statusName + " in the simulated workflow");
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("transition").put("id", id);
        call("POST", "/rest/api/3/issue/" + issueKey + "/transitions", body);
    }

    public void comment(String issueKey, String text) {
        ObjectNode body = JSON.createObjectNode();
        body.set("body", paragraph(text));
        call("POST", "/rest/api/3/issue/" + issueKey + "/comment", body);
    }

    public void logWork(String issueKey, int seconds) {
        call("POST", "/rest/api/3/issue/" + issueKey + "/worklog", JSON.createObjectNode().put("timeSpentSeconds", seconds));
    }

    /** Publishes a Confluence page and answers its id. */
    public String createPage(String spaceId, String title) {
        ObjectNode body = JSON.createObjectNode().put("spaceId", spaceId).put("title", title).put("status", "current");
        body.putObject("body").put("representation", "storage").put("value", "<p>" + title + "</p>");
        return call("POST", "/wiki/api/v2/pages", body).path("id").asText();
    }

    private JsonNode call(String method, String path, JsonNode body) {
        JiraRest.Answer answer = rest.handle(method, path, null, body.toString(), siteUrl.get());
        if (answer.status() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.status() + ": " + answer.json());
        }
        try {
            return answer.json() == null ? JSON.createObjectNode() : JSON.readTree(answer.json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode paragraph(String text) {
        ObjectNode doc = JSON.createObjectNode().put("version", 1).put("type", "doc");
        doc.putArray("content").addObject().put("type", "paragraph").putArray("content").addObject()
                .put("type", "text").put("text", text);
        return doc;
    }
}
