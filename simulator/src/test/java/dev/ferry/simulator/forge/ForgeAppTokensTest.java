package dev.ferry.simulator.forge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.MovableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The app system token Forge hands the remote works on the gateway as the app's bot, until it expires or uninstall. */
class ForgeAppTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MovableClock clock = new MovableClock(Instant.now());
    private JiraSimulator jira;
    private FerryStandIn ferry;
    private String systemToken;

    @BeforeEach
    void install() {
        jira = JiraSimulator.start(clock);
        ferry = new FerryStandIn();
        jira.forge().install(ferry.baseUrl(), FerryStandIn.manifest(), FerryStandIn.APP_ID);
        systemToken = ferry.requests("/forge/lifecycle/installed").get(0).getHeader("x-forge-oauth-system");
    }

    @AfterEach
    void stop() {
        ferry.close();
        jira.close();
    }

    @Test
    void theSystemTokenOfAnInvocationActsAsTheAppsBotOnTheGateway() throws Exception {
        HttpResponse<String> myself = gateway("GET", "/rest/api/3/myself", systemToken);

        assertThat(myself.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(myself.body()).path("accountId").asText()).isEqualTo(jira.forge().botAccountId());
        assertThat(jira.forge().tokenKind(systemToken)).isEqualTo("system");
        assertThat(jira.calls()).singleElement().satisfies(call ->
                assertThat(jira.forge().tokenKind(call.header("Authorization").orElseThrow())).isEqualTo("system"));
        jira.assertNoSpecViolations();
    }

    @Test
    void theSystemTokenLastsAtLeastFiftyFiveMinutesAndIsRefusedOnceExpired() throws Exception {
        long exp = FerryStandIn.claims(systemToken).path("exp").asLong();
        assertThat(exp - clock.instant().getEpochSecond()).isGreaterThanOrEqualTo(55 * 60);

        clock.advance(Duration.ofMinutes(59));
        assertThat(gateway("GET", "/rest/api/3/myself", systemToken).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        assertThat(gateway("GET", "/rest/api/3/myself", systemToken).statusCode()).isEqualTo(401);
    }

    @Test
    void uninstallRefusesEveryTokenTheAppWasGiven() throws Exception {
        String later = jira.forge().systemToken();
        jira.forge().uninstall();

        assertThat(ferry.requests("/forge/lifecycle/uninstalled")).hasSize(1);
        assertThat(gateway("GET", "/rest/api/3/myself", systemToken).statusCode()).isEqualTo(401);
        assertThat(gateway("GET", "/rest/api/3/myself", later).statusCode()).isEqualTo(401);
        assertThat(jira.forge().isInstalled()).isFalse();
    }

    @Test
    void theTokenCarriesTheManifestsScopesOnly() throws Exception {
        // read:jira-work and write:jira-work reach Jira's issues; no Confluence scope was asked for.
        assertThat(gateway("GET", "/rest/api/3/myself", systemToken).statusCode()).isEqualTo(200);
        HttpResponse<String> wiki = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(jira.gatewayUrl()
                + "/ex/confluence/" + jira.cloudId() + "/wiki/api/v2/spaces")).header("Authorization", "Bearer " + systemToken)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wiki.statusCode()).isEqualTo(401);
        assertThat(wiki.body()).contains("scope does not match");
    }

    @Test
    void theSiteUrlDoesNotTakeTheSystemToken() throws Exception {
        HttpResponse<String> onSite = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(jira.baseUrl()
                + "/rest/api/3/myself")).header("Authorization", "Bearer " + systemToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(onSite.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> gateway(String method, String sitePath, String token) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(jira.gatewayUrl() + "/ex/jira/" + jira.cloudId()
                + sitePath)).method(method, HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
