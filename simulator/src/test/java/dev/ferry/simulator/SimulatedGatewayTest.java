package dev.ferry.simulator;

import static dev.ferry.simulator.SimulatedCredentialsTest.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API gateway (api.atlassian.com): the site's REST routed by cloudId, for scoped tokens only. */
class SimulatedGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private JiraSimulator jira;

    @BeforeEach
    void start() {
        jira = JiraSimulator.start();
        jira.credentials().addApiToken("ana@example.com", "classic");
        jira.credentials().addScopedApiToken("ana@example.com", "scoped", null);
    }

    @AfterEach
    void stop() {
        jira.close();
    }

    @Test
    void aScopedApiTokenWorksThroughTheGatewayOnTheSitesRest() throws Exception {
        var response = get(jira.gatewayUrl() + "/ex/jira/" + jira.cloudId() + "/rest/api/3/myself", basic("ana@example.com", "scoped"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("emailAddress").asText()).isEqualTo("ana@example.com");
        assertThat(jira.calls()).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/api.atlassian.com/ex/jira/" + jira.cloudId() + "/rest/api/3/myself");
            assertThat(call.authKind()).isEqualTo("basic");
        });
        jira.assertNoSpecViolations();
    }

    @Test
    void aScopedTokenIsRefusedOnTheSiteUrlAndAClassicOneOnTheGateway() throws Exception {
        var scopedOnSite = get(jira.baseUrl() + "/rest/api/3/myself", basic("ana@example.com", "scoped"));
        var classicOnGateway = get(jira.gatewayUrl() + "/ex/jira/" + jira.cloudId() + "/rest/api/3/myself",
                basic("ana@example.com", "classic"));
        var classicOnSite = get(jira.baseUrl() + "/rest/api/3/myself", basic("ana@example.com", "classic"));

        assertThat(scopedOnSite.statusCode()).isEqualTo(401);
        assertThat(classicOnGateway.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(classicOnGateway.body()).path("message").asText()).isEqualTo("Unauthorized");
        assertThat(classicOnSite.statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownCloudIdOrAProductPathMismatchIsA404() throws Exception {
        String scoped = basic("ana@example.com", "scoped");

        assertThat(get(jira.gatewayUrl() + "/ex/jira/00000000-0000-0000-0000-000000000000/rest/api/3/myself", scoped)
                .statusCode()).isEqualTo(404);
        assertThat(get(jira.gatewayUrl() + "/ex/confluence/" + jira.cloudId() + "/rest/api/3/myself", scoped).statusCode())
                .isEqualTo(404);
    }

    @Test
    void confluenceIsServedUnderItsWikiPathThroughTheGateway() throws Exception {
        var pages = get(jira.gatewayUrl() + "/ex/confluence/" + jira.cloudId() + "/wiki/api/v2/pages?limit=10",
                basic("ana@example.com", "scoped"));

        assertThat(pages.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(pages.body()).has("results")).isTrue();
    }

    private static HttpResponse<String> get(String url, String authorization) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
