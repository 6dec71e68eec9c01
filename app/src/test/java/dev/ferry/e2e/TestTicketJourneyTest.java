package dev.ferry.e2e;

import static dev.ferry.e2e.ProductApi.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.simulator.fault.Fault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test ticket through the product API: filed from the destination's rule with sample variables, marked
 * {@code [TEST]} and labelled, visible in the simulated Jira, deleted again; only Ferry's own test tickets
 * can be deleted, and a refusal carries Jira's own words.
 */
class TestTicketJourneyTest extends WithLinkedDestination {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void jiraForgetsTheSetUp() {
        jira.reset();
    }

    @Test
    void aTestTicketIsFiledFromTheRuleWithSampleValuesAndShowsInJira() throws Exception {
        ProductApi.Reply sent = api.post(testTicket(destination), "{}");

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String key = sent.json().path("issueKey").asString();
        assertThat(sent.json().path("issueUrl").asString()).isEqualTo(jira.baseUrl() + "/browse/" + key);
        var fields = jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("fields");
        assertThat(fields.path("summary").asText()).isEqualTo("[TEST] [Guardrail] Error rate breached on Checkout redesign");
        assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Bug");
        assertThat(fields.path("priority").path("name").asText()).isEqualTo("High");
        assertThat(fields.path("labels").toString()).isEqualTo("[\"incident\",\"ferry-test\"]");
        assertThat(fields.path("description").toString()).contains("2.4%");
        assertThat(browse(key)).contains("[TEST] [Guardrail] Error rate breached on Checkout redesign");

        assertThat(count("ticket_link")).as("a test ticket is not a link").isZero();
        assertThat(count("ticket_delivery")).as("nor a delivery").isZero();
        assertThat(api.get("/api/v1/audit?action=TEST_TICKET_SENT").json().toString()).contains(key);
    }

    @Test
    void givenVariablesAndAnotherEventTypeReplaceTheSamples() {
        ProductApi.Reply sent = api.post(testTicket(destination),
                "{\"eventType\":\"experiment.winner_declared\",\"variables\":{\"experimentName\":\"Pricing page\"}}");

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().path("summary").asString()).isEqualTo("[TEST] [Rollout] Variant B won on Pricing page");
        var fields = jira.data().issueJson(sent.json().path("issueKey").asString(), jira.baseUrl()).orElseThrow()
                .path("fields");
        assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Task");
        assertThat(fields.path("labels").toString()).isEqualTo("[\"rollout\",\"ferry-test\"]");
    }

    @Test
    void aTestTicketIsDeletedAgainAndAuditedOnce() throws Exception {
        String key = api.post(testTicket(destination), "{}").json().path("issueKey").asString();

        assertThat(api.delete(testTicket(destination) + "s/" + key).status()).isEqualTo(204);

        assertThat(jira.data().issueJson(key, jira.baseUrl())).isEmpty();
        assertThat(browse(key)).contains("Can't find issue");
        refused(api.delete(testTicket(destination) + "s/" + key), 404, "no test ticket " + key);
        assertThat(api.get("/api/v1/audit?action=TEST_TICKET_DELETED").json().path("records")).hasSize(1);
    }

    @Test
    void onlyFerrysOwnTestTicketsCanBeDeleted() {
        String someonesIssue = jira.admin().createIssue("FERRY", "Task", "A real ticket");
        String key = api.post(testTicket(destination), "{}").json().path("issueKey").asString();
        ProductApi other = journey.newOrganization("Other");
        jira.reset();

        refused(api.delete(testTicket(destination) + "s/" + someonesIssue), 404, someonesIssue);
        refused(other.delete(testTicket(destination) + "s/" + key), 404, "no destination");

        assertThat(jira.calls()).as("Jira is not asked to delete anything").isEmpty();
        assertThat(jira.data().issueJson(someonesIssue, jira.baseUrl())).isPresent();
        assertThat(jira.data().issueJson(key, jira.baseUrl())).isPresent();
    }

    @Test
    void jirasRefusalIsShownInJirasWordsAndNothingIsRecorded() {
        jira.faults().add("POST", "/rest/api/3/issue", Fault.fieldError("priority", "The priority selected is invalid."), 1);

        refused(api.post(testTicket(destination), "{}"), 502, "The priority selected is invalid.");

        assertThat(count("test_ticket")).isZero();
        assertThat(api.get("/api/v1/audit?action=TEST_TICKET_SENT").json().path("records")).isEmpty();
    }

    @Test
    void badRequestsAreRefusedBeforeJiraIsAsked() {
        ProductApi other = journey.newOrganization("Other");

        refused(api.post(testTicket("no-such-destination"), "{}"), 404, "no destination");
        refused(other.post(testTicket(destination), "{}"), 404, "no destination");
        refused(api.post(testTicket(destination), "{\"eventType\":\"experiment.nope\"}"), 400,
                "unknown event type experiment.nope");

        assertThat(jira.calls()).isEmpty();
        assertThat(count("test_ticket")).isZero();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static String testTicket(String destination) {
        return "/api/v1/destinations/" + destination + "/test-ticket";
    }

    private String browse(String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(jira.baseUrl() + "/browse/" + key))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
