package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.simulator.JiraSimulator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * An organization connects the simulated site with an Atlassian account's email and API token, files a ticket
 * over it, and the token never comes back in an answer.
 */
@FerryJourney
class ApiTokenConnectionJourneyTest {

    static final String EMAIL = "Dana@acme.example";
    static final String TOKEN = "ATATT3xFfGF0-classic-token-for-journeys";

    @Autowired
    ApplicationContext context;

    Journey journey;
    JiraSimulator jira;
    ProductApi api;

    @BeforeEach
    void acmeHasAnAccountOnTheSite(Journey journey) {
        this.journey = journey;
        jira = journey.jira();
        api = journey.newOrganization("Acme Quality");
        jira.data().accounts().add("557058:dana", EMAIL, "Dana Scully");
        jira.credentials().addApiToken(EMAIL, TOKEN);
    }

    @Test
    void aClassicTokenConnectsToTheSiteAndFilesTickets() {
        ProductApi.Reply added = api.post("/api/v1/connections", "{\"siteUrl\":\"" + jira.baseUrl()
                + "/browse/FERRY-1\",\"email\":\"" + EMAIL + "\",\"token\":\"  " + TOKEN + "\\n\",\"defaultProject\":\"FERRY\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode connection = added.json();
        assertThat(connection.path("kind").asString()).isEqualTo("api_token");
        assertThat(connection.path("route").asString()).isEqualTo("site");
        assertThat(connection.path("siteUrl").asString()).isEqualTo(jira.baseUrl());
        assertThat(connection.path("account").path("displayName").asString()).isEqualTo("Dana Scully");
        assertThat(connection.path("notes").toString()).contains("reduced to " + jira.baseUrl()).contains("classic");
        assertThat(connection.path("health").path("state").asString()).isEqualTo("ok");
        assertThat(added.body()).doesNotContain(TOKEN);
        String id = connection.path("id").asString();

        ProductApi.Reply destination = api.post("/api/v1/destinations",
                "{\"site\":\"" + id + "\",\"projectKey\":\"FERRY\"}");
        assertThat(destination.status()).as(destination.body()).isEqualTo(201);
        String eventId = api.postEvent(guardrail("exp-7", "Pricing page"));
        DeliveryDrain.drain(context);
        JsonNode delivery = api.get("/api/v1/events/" + eventId).json().path("deliveries").get(0);
        assertThat(delivery.path("outcome").asString()).as(delivery.toString()).isEqualTo("CREATED");
        String key = delivery.path("issueKey").asString();
        assertThat(jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("fields").path("reporter")
                .path("accountId").asText()).isEqualTo("557058:dana");
        assertThat(api.get("/api/v1/connections").body()).contains(id).doesNotContain(TOKEN);
    }

    @Test
    void aScopedTokenIsFoundToWorkOnlyThroughTheGateway() {
        String scoped = "ATATT3xFfGF0-scoped-token";
        jira.credentials().addScopedApiToken(EMAIL, scoped, Instant.now().plus(30, ChronoUnit.DAYS));
        ProductApi.Reply added = api.post("/api/v1/connections", "{\"siteUrl\":\"" + jira.baseUrl() + "\",\"email\":\""
                + EMAIL + "\",\"token\":\"" + scoped + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("route").asString()).isEqualTo("gateway");
        assertThat(added.json().path("cloudId").asString()).isEqualTo(jira.cloudId());
        assertThat(added.json().path("notes").toString()).contains("scoped");
    }

    @Test
    void aRefusedTokenIsSaidInThePersonsWordsAndNothingIsStored() {
        ProductApi.Reply refused = api.post("/api/v1/connections", "{\"siteUrl\":\"" + jira.baseUrl() + "\",\"email\":\""
                + EMAIL.toLowerCase() + "\",\"token\":\"" + TOKEN + "\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(502);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asString()).contains("case-sensitive").contains("copied whole");
        assertThat(api.get("/api/v1/connections").json().path("connections")).isEmpty();
    }
}
