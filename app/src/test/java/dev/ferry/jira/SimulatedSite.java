package dev.ferry.jira;

import dev.ferry.simulator.JiraSimulator;
import java.net.URI;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A simulated Jira site that accepts Ferry's JWTs, and the {@link JiraSite} Ferry calls it as. */
final class SimulatedSite implements AutoCloseable {

    static final String SECRET = "jira-client-site-shared-secret-long-enough-01";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final JiraSimulator jira = JiraSimulator.start();
    final JiraSite site;

    SimulatedSite(String clientKey) {
        jira.credentials().install("ferry-for-jira", SECRET);
        site = new JiraSite(clientKey, URI.create(jira.baseUrl()), SECRET);
    }

    /** The same site as a caller holding the wrong secret sees it. */
    JiraSite withSecret(String secret) {
        return new JiraSite(site.clientKey(), site.baseUrl(), secret);
    }

    /** Files an issue as a person on the site would, and gives its id. */
    String issueId(String projectKey, String summary) {
        String key = jira.admin().createIssue(projectKey, "Task", summary);
        return jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("id").asText();
    }

    static JsonNode adf(String text) {
        return JSON.readTree("{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":"
                + "[{\"type\":\"text\",\"text\":" + JSON.writeValueAsString(text) + "}]}]}");
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Override
    public void close() {
        jira.close();
    }
}
