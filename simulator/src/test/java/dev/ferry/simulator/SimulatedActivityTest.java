package dev.ferry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.fault.Fault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Properties, deletion, activity, audit, Confluence and the per-issue write limit, through Bearer auth. */
class SimulatedActivityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JiraSimulator jira;

    @BeforeAll
    static void start() {
        jira = JiraSimulator.start();
        jira.credentials().addBearerToken("system-token", "app-account");
    }

    @AfterAll
    static void stop() {
        jira.close();
    }

    @Test
    void issuePropertiesAreStoredReplacedSearchableAndDeleted() throws Exception {
        String key = jira.admin().createIssue("FERRY", "Task", "props");
        String path = "/rest/api/3/issue/" + key + "/properties/ferry.link";
        assertThat(send("PUT", path, "{\"object\":\"exp-7\"}").statusCode()).isEqualTo(201);
        assertThat(send("PUT", path, "{\"object\":\"exp-8\"}").statusCode()).isEqualTo(200);
        JsonNode found = JSON.readTree(send("POST", "/rest/api/3/search/jql",
                "{\"jql\":\"issue.property[ferry.link].object = 'exp-8'\",\"fields\":[\"summary\"]}").body());
        assertThat(found.path("issues").get(0).path("key").asText()).isEqualTo(key);
        assertThat(send("DELETE", path, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", path, null).statusCode()).isEqualTo(404);
    }

    @Test
    void anIssueDeletedBehindTheAppsBackAnswers404() throws Exception {
        String key = jira.admin().createIssue("FERRY", "Task", "doomed");
        assertThat(jira.data().deleteIssue(key)).isTrue();
        assertThat(send("GET", "/rest/api/3/issue/" + key, null).statusCode()).isEqualTo(404);
        JsonNode bulk = JSON.readTree(send("POST", "/rest/api/3/issue/bulkfetch", "{\"issueIdsOrKeys\":[\"" + key + "\"]}").body());
        assertThat(bulk.path("issueErrors")).hasSize(1);
    }

    @Test
    void changelogsAndWorklogsAreReadableInBulk() throws Exception {
        String key = jira.admin().createIssue("OPS", "Bug", "activity");
        jira.admin().transition(key, "Done");
        jira.admin().logWork(key, 600);
        String id = jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("id").asText();
        JsonNode logs = JSON.readTree(send("POST", "/rest/api/3/changelog/bulkfetch", "{\"issueIdsOrKeys\":[\"" + id + "\"]}").body());
        assertThat(logs.path("issueChangeLogs").get(0).path("changeHistories").get(0).path("items").get(0).path("toString").asText())
                .isEqualTo("Done");
        // worklog/updated leaves out the last minute, so a fresh worklog is not listed yet.
        JsonNode updated = JSON.readTree(send("GET", "/rest/api/3/worklog/updated?since=0", null).body());
        assertThat(updated.path("values")).isEmpty();
    }

    @Test
    void auditRecordsPageByOffsetAndLimitWithinFromAndTo() throws Exception {
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        // Only an account holding Administer Jira reads the audit log.
        jira.data().grant("app-account", "ADMINISTER", true);
        for (int i = 0; i < 5; i++) {
            jira.data().audit("change " + i, "user management", base.plus(Duration.ofHours(i)));
        }
        JsonNode page = JSON.readTree(send("GET", "/rest/api/3/auditing/record?offset=1&limit=2&from=2026-01-01T01:00:00.000Z"
                + "&to=2026-01-01T04:00:00.000Z", null).body());
        assertThat(page.path("total").asInt()).isEqualTo(4);
        assertThat(page.path("records")).hasSize(2);
        // Newest first, as Jira answers: 4, 3, 2, 1.
        assertThat(page.path("records").get(0).path("summary").asText()).isEqualTo("change 3");
        jira.assertNoSpecViolations();
    }

    @Test
    void confluencePagesPageByCursorAndTakeFooterComments() throws Exception {
        for (int i = 0; i < 3; i++) {
            jira.admin().createPage("100", "Page " + i);
        }
        JsonNode first = JSON.readTree(send("GET", "/wiki/api/v2/pages?limit=2&sort=-modified-date", null).body());
        assertThat(first.path("results")).hasSize(2);
        String next = first.path("_links").path("next").asText();
        assertThat(JSON.readTree(send("GET", next, null).body()).path("results")).hasSize(1);
        String pageId = first.path("results").get(0).path("id").asText();
        String comment = "{\"pageId\":\"" + pageId + "\",\"body\":{\"representation\":\"storage\",\"value\":\"<p>hi</p>\"}}";
        assertThat(send("POST", "/wiki/api/v2/footer-comments", comment).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(send("GET", "/wiki/api/v2/pages/" + pageId + "/footer-comments", null).body())
                .path("results")).hasSize(1);
    }

    @Test
    void thePerIssueWriteLimitAnswers429WithItsReason() throws Exception {
        String key = jira.admin().createIssue("FERRY", "Task", "busy");
        jira.faults().limitWritesPerIssue(2, Duration.ofSeconds(30));
        String comment = "{\"body\":{\"version\":1,\"type\":\"doc\",\"content\":[]}}";
        assertThat(send("POST", "/rest/api/3/issue/" + key + "/comment", comment).statusCode()).isEqualTo(201);
        assertThat(send("POST", "/rest/api/3/issue/" + key + "/comment", comment).statusCode()).isEqualTo(201);
        var limited = send("POST", "/rest/api/3/issue/" + key + "/comment", comment);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("RateLimit-Reason")).contains("jira-per-issue-on-write");
        jira.faults().clear();
    }

    @Test
    void aSlowAnswerStillArrivesAfterItsDelay() throws Exception {
        jira.faults().add("GET", "/rest/api/3/serverInfo", Fault.slow(Duration.ofMillis(600)), 1);
        long started = System.nanoTime();
        assertThat(send("GET", "/rest/api/3/serverInfo", null).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    private static HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(jira.baseUrl() + pathAndQuery))
                .header("Authorization", "Bearer system-token")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
