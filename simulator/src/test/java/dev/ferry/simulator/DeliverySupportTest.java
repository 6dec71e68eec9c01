package dev.ferry.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.fault.Fault;
import dev.ferry.simulator.rest.Project;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What ticket delivery needs from the site: markers set on create, lost answers, paged issue types, latency. */
class DeliverySupportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JiraSimulator jira;

    @BeforeAll
    static void start() {
        jira = JiraSimulator.start();
        jira.credentials().addApiToken("bot@example.com", "token-1");
    }

    @AfterAll
    static void stop() {
        jira.close();
    }

    @BeforeEach
    void reset() {
        jira.reset();
        jira.latency(Duration.ZERO);
    }

    @Test
    void propertiesSentWithTheCreateAreStoredAndSearchable() throws Exception {
        String key = created(send("POST", "/rest/api/3/issue", marked("d-\\\"1\\\"")));
        send("POST", "/rest/api/3/issue", marked("d-2"));

        assertThat(jira.data().issueProperty(key, "ferry-delivery")).hasValueSatisfying(
                marker -> assertThat(marker.path("id").asText()).isEqualTo("d-\"1\""));
        String jql = "project = \"FERRY\" AND issue.property[ferry-delivery].id = \"d-\\\"1\\\"\"";
        JsonNode page = JSON.readTree(send("POST", "/rest/api/3/search/jql",
                JSON.createObjectNode().put("jql", jql).toString()).body());
        assertThat(page.path("issues")).hasSize(1);
        assertThat(page.path("issues").get(0).path("key").asText()).isEqualTo(key);
        assertThat(jira.specViolations()).isEmpty();
    }

    @Test
    void aPropertyWithoutAKeyFailsTheCreate() throws Exception {
        int before = jira.data().issueCount();
        String body = "{\"fields\":{\"project\":{\"key\":\"FERRY\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"x\"},"
                + "\"properties\":[{\"key\":\"\",\"value\":1}]}";

        HttpResponse<String> response = send("POST", "/rest/api/3/issue", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(jira.data().issueCount()).isEqualTo(before);
    }

    @Test
    void aLostAnswerStillCreatesTheIssue() {
        int before = jira.data().issueCount();
        jira.faults().add("POST", "/rest/api/3/issue", Fault.answerLost(), 1);

        assertThatThrownBy(() -> send("POST", "/rest/api/3/issue", marked("lost"))).isInstanceOf(IOException.class);

        assertThat(jira.data().issueCount()).isEqualTo(before + 1);
        assertThat(jira.calls()).singleElement().satisfies(call -> assertThat(call.path()).isEqualTo("/rest/api/3/issue"));
    }

    @Test
    void issueTypesComeInPages() throws Exception {
        jira.data().addProject("10090", "WIDE", "Wide", IntStream.range(0, 7)
                .mapToObj(i -> new Project.IssueType("3000" + i, "Type " + i, false)).toList());

        JsonNode page = JSON.readTree(send("GET", "/rest/api/3/issue/createmeta/WIDE/issuetypes?startAt=5&maxResults=5", null)
                .body());

        assertThat(page.path("issueTypes")).hasSize(2);
        assertThat(page.path("issueTypes").get(0).path("id").asText()).isEqualTo("30005");
        assertThat(page.path("startAt").asInt()).isEqualTo(5);
        assertThat(page.path("total").asInt()).isEqualTo(7);
    }

    @Test
    void latencyDelaysEveryAnswer() throws Exception {
        jira.latency(Duration.ofMillis(300));
        long start = System.nanoTime();

        HttpResponse<String> response = send("GET", "/rest/api/3/myself", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    private static String marked(String deliveryId) {
        return "{\"fields\":{\"project\":{\"key\":\"FERRY\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"Delivery\"},"
                + "\"properties\":[{\"key\":\"ferry-delivery\",\"value\":{\"id\":\"" + deliveryId + "\"}}]}";
    }

    private static String created(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).path("key").asText();
    }

    private static HttpResponse<String> send(String method, String pathAndQuery, String body)
            throws IOException, InterruptedException {
        return SiteRequests.basic(jira, method, pathAndQuery, body);
    }
}
