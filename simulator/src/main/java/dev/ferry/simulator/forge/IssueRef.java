package dev.ferry.simulator.forge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.simulator.rest.JiraData;

/** The issue a UI module is open on, as the FIT's {@code context.extension} and {@code view.getContext()} name it. */
record IssueRef(String id, String key, String type, String projectId, String projectKey, String projectType) {

    static IssueRef of(JiraData data, String issueKey, String siteUrl) {
        JsonNode issue = data.issueJson(issueKey, siteUrl)
                .orElseThrow(() -> new IllegalArgumentException("no issue " + issueKey + " on the simulated site"));
        JsonNode fields = issue.path("fields");
        return new IssueRef(issue.path("id").asText(), issue.path("key").asText(),
                fields.path("issuetype").path("name").asText("Task"), fields.path("project").path("id").asText(),
                fields.path("project").path("key").asText(), fields.path("project").path("projectTypeKey").asText("software"));
    }
}
