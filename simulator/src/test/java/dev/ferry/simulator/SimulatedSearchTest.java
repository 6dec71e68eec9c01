package dev.ferry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Enhanced search as a lost create's recovery uses it: issues created within a relative time of the site's now,
 * each with the issue properties asked for, so no {@code issue.property} clause (and no index) is needed.
 */
class SimulatedSearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MovableClock clock = new MovableClock();
    private JiraSimulator jira;

    @BeforeEach
    void start() {
        jira = JiraSimulator.start(clock);
        jira.credentials().addApiToken("bot@example.com", "token-1");
    }

    @AfterEach
    void stop() {
        jira.close();
    }

    @Test
    void aRelativeCreatedClauseCountsFromTheSitesNow() throws Exception {
        String older = create("older");
        clock.advance(Duration.ofHours(2));
        String newer = create("newer");

        assertThat(keys(search("project = FERRY AND created >= -60m ORDER BY created DESC", "[]"))).containsExactly(newer);
        assertThat(keys(search("project = FERRY AND created >= -3h", "[]"))).containsExactly(older, newer);
        assertThat(keys(search("project = FERRY AND created < '-1h'", "[]"))).containsExactly(older);
        assertThat(keys(search("project = FERRY AND created >= -1d", "[]"))).containsExactly(older, newer);
        jira.assertNoSpecViolations();
    }

    @Test
    void eachIssueCarriesThePropertiesAskedForByKey() throws Exception {
        create("marked");

        JsonNode issue = JSON.readTree(search("project = FERRY AND created >= -5m", "[\"ferry-delivery\", \"absent\"]")
                .body()).path("issues").get(0);

        assertThat(issue.path("properties").path("ferry-delivery").path("id").asText()).isEqualTo("marked");
        assertThat(issue.path("properties").has("absent")).isFalse();
        assertThat(JSON.readTree(search("project = FERRY AND created >= -5m", "[]").body()).path("issues").get(0)
                .has("properties")).isFalse();
        jira.assertNoSpecViolations();
    }

    @Test
    void moreThanFivePropertiesAreRefused() throws Exception {
        HttpResponse<String> refused = search("project = FERRY", "[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]");

        assertThat(refused.statusCode()).isEqualTo(400);
    }

    private String create(String marker) throws Exception {
        String body = "{\"fields\":{\"project\":{\"key\":\"FERRY\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\""
                + marker + "\"},\"properties\":[{\"key\":\"ferry-delivery\",\"value\":{\"id\":\"" + marker + "\"}}]}";
        HttpResponse<String> created = SiteRequests.basic(jira, "POST", "/rest/api/3/issue", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("key").asText();
    }

    private HttpResponse<String> search(String jql, String properties) throws Exception {
        String body = JSON.createObjectNode().put("jql", jql).put("maxResults", 50)
                .set("properties", JSON.readTree(properties)).toString();
        return SiteRequests.basic(jira, "POST", "/rest/api/3/search/jql", body);
    }

    private static List<String> keys(HttpResponse<String> page) throws Exception {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        JSON.readTree(page.body()).path("issues").forEach(issue -> keys.add(issue.path("key").asText()));
        return keys;
    }
}
