package dev.ferry.simulator.forge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.JiraSimulator;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A site moves from Connect to Forge: one installation id, and Jira's reserved property gives the Connect clientKey. */
class ForgeMigrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROPERTY = "/rest/atlassian-connect/1/addons/ferry-for-jira/properties/"
            + ForgePlatform.CONNECT_CLIENT_KEY_PROPERTY;
    private JiraSimulator jira;
    private FerryStandIn ferry;

    @BeforeEach
    void start() throws Exception {
        jira = JiraSimulator.start();
        ferry = new FerryStandIn();
        try (InputStream in = getClass().getResourceAsStream("/test-descriptor.json")) {
            String descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{baseUrl}}", ferry.baseUrl());
            ferry.server.stubFor(get("/atlassian-connect.json").willReturn(aResponse().withBody(descriptor)));
        }
    }

    @AfterEach
    void stop() {
        ferry.close();
        jira.close();
    }

    @Test
    void theForgeInstallationTakesTheConnectInstallationIdAndThePropertyAnswersTheClientKey() throws Exception {
        jira.site().install(ferry.baseUrl());
        JsonNode connectInstalled = FerryStandIn.body(ferry.requests("/lifecycle/installed").get(0));

        jira.forge().migrateFromConnect(FerryStandIn.manifest(), FerryStandIn.APP_ID);

        var forgeInstalled = ferry.requests("/forge/lifecycle/installed").get(0);
        String installationId = connectInstalled.path("installationId").asText();
        assertThat(installationId).startsWith("ari:cloud:ecosystem::installation/");
        assertThat(FerryStandIn.body(forgeInstalled).path("id").asText()).isEqualTo(installationId);
        assertThat(FerryStandIn.claims(FerryStandIn.fitOf(forgeInstalled)).path("app").path("installationId").asText())
                .isEqualTo(installationId);

        HttpResponse<String> property = property(forgeInstalled.getHeader("x-forge-oauth-system"), PROPERTY);
        assertThat(property.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(property.body());
        assertThat(body.path("key").asText()).isEqualTo(ForgePlatform.CONNECT_CLIENT_KEY_PROPERTY);
        assertThat(body.path("value").asText()).isEqualTo(connectInstalled.path("clientKey").asText())
                .isEqualTo(jira.site().identity().clientKey());
        jira.assertNoSpecViolations();
    }

    @Test
    void aSiteWithNoConnectInstallAnswersNotFound() throws Exception {
        jira.forge().install(ferry.baseUrl(), FerryStandIn.manifest(), FerryStandIn.APP_ID);

        HttpResponse<String> property = property(jira.forge().systemToken(), PROPERTY);

        assertThat(property.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(property.body()).path("message").asText()).isEqualTo("Property with key not found.");
        jira.assertNoSpecViolations();
    }

    @Test
    void anotherAppsKeyOrAnotherCallerGetsNoClientKey() throws Exception {
        jira.site().install(ferry.baseUrl());
        jira.forge().migrateFromConnect(FerryStandIn.manifest(), FerryStandIn.APP_ID);

        assertThat(property(jira.forge().systemToken(), PROPERTY.replace("ferry-for-jira", "someone-else")).statusCode())
                .isEqualTo(404);
        jira.oauth().registerClient("c", "s", "http://127.0.0.1/cb");
        String person = jira.oauth().grantedAccessToken("c", dev.ferry.simulator.rest.Users.ADMIN_ACCOUNT_ID,
                java.util.List.of("read:jira-work"));
        assertThat(property(person, PROPERTY).statusCode()).isEqualTo(404);
    }

    @Test
    void theAppPropertyRouteIsCheckedAgainstJirasSpec() {
        assertThat(dev.ferry.simulator.spec.SpecCheck.problems("GET", PROPERTY, null, java.util.Map.of(), null)).isEmpty();
        assertThat(dev.ferry.simulator.spec.SpecCheck.problems("POST", PROPERTY, null, java.util.Map.of(), "{}")).isPresent();
    }

    private HttpResponse<String> property(String bearer, String path) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(jira.gatewayUrl() + "/ex/jira/"
                + jira.cloudId() + path)).header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString());
    }
}
