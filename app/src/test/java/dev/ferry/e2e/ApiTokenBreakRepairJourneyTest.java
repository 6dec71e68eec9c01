package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.simulator.JiraSimulator;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An API-token connection over its life: added, used, broken when its owner revokes the token at Atlassian
 * (deliveries wait, health says why in a person's words), repaired by replacing the token (they resume and
 * file), while a replacement Jira refuses changes nothing.
 */
@FerryJourney
class ApiTokenBreakRepairJourneyTest {

    static final String ACCOUNT = "557058:bruno";
    static final String EMAIL = "Bruno@acme-quality.example";
    static final String FIRST = "ATATT3xFfGF0-break-repair-first-token";
    static final String SECOND = "ATATT3xFfGF0-break-repair-second-token";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    JiraSimulator jira;
    ProductApi api;
    String connection;

    @BeforeEach
    void acmeConnectsWithBrunosTokenAndAddsADestination(Journey journey) {
        jira = journey.jira();
        jira.data().accounts().add(ACCOUNT, EMAIL, "Bruno Brandt");
        jira.credentials().revokeApiToken(EMAIL);
        jira.credentials().addApiToken(EMAIL, FIRST);
        api = journey.newOrganization("Acme Quality");
        ProductApi.Reply added = api.post("/api/v1/connections", "{\"siteUrl\":\"" + jira.baseUrl() + "\",\"email\":\""
                + EMAIL + "\",\"token\":\"" + FIRST + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        connection = added.json().path("id").asString();
        new Journey.LinkedSite(api, connection, SiteKind.API_TOKEN).addDestination("FERRY");
    }

    @Test
    void aRevokedTokenParksDeliveriesUntilItIsReplacedThenTheyResumeAndFile() {
        JsonNode filed = deliver("exp-20", "Before the break");
        assertThat(filed.path("status").asString()).isEqualTo("DONE");
        assertThat(reporter(filed)).isEqualTo(ACCOUNT);

        jira.credentials().revokeApiToken(EMAIL);
        String parked = api.postEvent(guardrail("exp-21", "During the break"));
        DeliveryDrain.drain(context);
        JsonNode waiting = api.delivery(parked);
        assertThat(waiting.path("status").asString()).as(waiting.toString()).isEqualTo("WAITING");
        JsonNode health = health();
        assertThat(health.path("state").asString()).isEqualTo("credentials_rejected");
        assertThat(health.path("message").asString()).contains("Jira rejected the API token").contains("replace the token")
                .contains("deliveries wait");
        JsonNode tested = api.post("/api/v1/connections/" + connection + "/test", "{}").json();
        assertThat(tested.path("ok").asBoolean()).isFalse();
        assertThat(tested.path("checks").get(0).path("message").asString()).as(tested.toString())
                .contains("Authentication failed").contains("case-sensitive").contains("revoked");
        DeliveryDrain.timePasses(context);
        DeliveryDrain.drain(context);
        assertThat(api.delivery(parked).path("status").asString()).as("nothing changed yet").isEqualTo("WAITING");

        jira.credentials().addApiToken(EMAIL, SECOND);
        ProductApi.Reply replaced = api.patch("/api/v1/connections/" + connection, "{\"token\":\"" + SECOND + "\"}");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().path("health").path("state").asString()).isEqualTo("ok");
        assertThat(replaced.body()).doesNotContain(SECOND).doesNotContain(FIRST);
        assertThat(health().path("state").asString()).isEqualTo("ok");
        assertThat(api.get("/api/v1/audit?action=CONNECTION_TOKEN_REPLACED").json().path("records")).hasSize(1);

        JsonNode retested = api.post("/api/v1/connections/" + connection + "/test", "{}").json();
        assertThat(retested.path("checks").get(0).path("ok").asBoolean()).as(retested.toString()).isTrue();
        assertThat(retested.path("account").path("accountId").asString()).isEqualTo(ACCOUNT);
        // The replaced token wakes the parked delivery at once: no recheck has to pass.
        DeliveryDrain.drain(context);
        JsonNode resumed = api.delivery(parked);
        assertThat(resumed.path("status").asString()).as(resumed.toString()).isEqualTo("DONE");
        assertThat(resumed.path("outcome").asString()).isEqualTo("CREATED");
        assertThat(reporter(resumed)).isEqualTo(ACCOUNT);
    }

    @Test
    void aReplacementTokenJiraRefusesChangesNothing() {
        jira.credentials().revokeApiToken(EMAIL);
        String parked = api.postEvent(guardrail("exp-22", "Broken"));
        DeliveryDrain.drain(context);
        Map<String, Object> before = row();

        ProductApi.Reply refused = api.patch("/api/v1/connections/" + connection,
                "{\"token\":\"ATATT3xFfGF0-never-issued-token\"}");

        ProductApi.refused(refused, 502, "Authentication failed");
        assertThat(refused.json().path("detail").asString()).contains("case-sensitive").contains("copied whole");
        assertThat(refused.body()).doesNotContain("never-issued");
        assertThat(row()).as("the old token is still stored, nothing else changed").isEqualTo(before);
        assertThat(health().path("state").asString()).isEqualTo("credentials_rejected");
        assertThat(api.get("/api/v1/audit?action=CONNECTION_TOKEN_REPLACED").json().path("records")).isEmpty();
        DeliveryDrain.timePasses(context);
        DeliveryDrain.drain(context);
        assertThat(api.delivery(parked).path("status").asString()).isEqualTo("WAITING");

        jira.credentials().addApiToken(EMAIL, FIRST);
        ProductApi.Reply same = api.patch("/api/v1/connections/" + connection, "{\"token\":\"" + FIRST + "\"}");
        assertThat(same.status()).as("the old token, given back to Jira, still works").isEqualTo(200);
    }

    private JsonNode deliver(String subject, String title) {
        String eventId = api.postEvent(guardrail(subject, title));
        DeliveryDrain.drain(context);
        return api.delivery(eventId);
    }

    private JsonNode health() {
        ProductApi.Reply reply = api.get("/api/v1/connections/" + connection);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().path("health");
    }

    private String reporter(JsonNode delivery) {
        return jira.data().issueJson(delivery.path("issueKey").asString(), jira.baseUrl()).orElseThrow().path("fields")
                .path("reporter").path("accountId").asText();
    }

    /** The stored connection as the database holds it, its sealed tokens included. */
    private Map<String, Object> row() {
        return jdbc.sql("select * from jira_connection where id = :id").param("id", connection).query().singleRow();
    }
}
