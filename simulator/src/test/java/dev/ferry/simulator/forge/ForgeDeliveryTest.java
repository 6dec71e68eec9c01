package dev.ferry.simulator.forge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.PersonActions;
import dev.ferry.simulator.rest.Users;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Life cycle events, Jira events and scheduled triggers reach the manifest's routes with Forge's contract. */
class ForgeDeliveryTest {

    private JiraSimulator jira;
    private FerryStandIn ferry;

    @BeforeEach
    void install() {
        jira = JiraSimulator.start();
        ferry = new FerryStandIn();
        assertThat(jira.forge().install(ferry.baseUrl(), FerryStandIn.manifest(), FerryStandIn.APP_ID).status()).isEqualTo(204);
    }

    @AfterEach
    void stop() {
        ferry.close();
        jira.close();
    }

    @Test
    void installUpgradeAndUninstallGoToTheirLifecycleRoutesWithTheForgePayload() {
        jira.forge().upgrade();
        jira.forge().uninstall();

        LoggedRequest installed = ferry.requests("/forge/lifecycle/installed").get(0);
        JsonNode body = FerryStandIn.body(installed);
        assertThat(body.path("eventType").asText()).isEqualTo("avi:forge:installed:app");
        assertThat(body.path("id").asText()).isEqualTo(FerryStandIn.claims(FerryStandIn.fitOf(installed))
                .path("app").path("installationId").asText());
        assertThat(body.path("installerAccountId").asText()).isEqualTo(Users.ADMIN_ACCOUNT_ID);
        assertThat(body.path("app").path("id").asText()).isEqualTo(FerryStandIn.APP_ID);
        assertThat(body.path("app").path("version").asText()).isEqualTo("1.0.0");
        assertThat(body.path("environment").path("id").asText()).startsWith("ari:cloud:ecosystem::environment/");
        assertThat(installed.getHeader("x-forge-oauth-system")).isNotBlank();
        assertThat(installed.getHeader("x-b3-traceid")).isNotBlank();
        assertThat(installed.getMethod().getName()).isEqualTo("POST");
        assertThat(FerryStandIn.body(ferry.requests("/forge/lifecycle/upgraded").get(0)).path("app").path("version").asText())
                .isEqualTo("2.0.0");
        assertThat(FerryStandIn.body(ferry.requests("/forge/lifecycle/uninstalled").get(0)).path("eventType").asText())
                .isEqualTo("avi:forge:uninstalled:app");
    }

    @Test
    void aJiraEventGoesToTheEventsRouteWithItsIssue() {
        String key = jira.admin().createIssue("FERRY", "Task", "Sync me");
        assertThat(jira.forge().event("avi:jira:updated:issue", key)).get()
                .satisfies(reply -> assertThat(reply.attempts()).isEqualTo(1));
        assertThat(jira.forge().event("avi:jira:viewed:issue", key)).as("no trigger listens").isEmpty();

        LoggedRequest event = ferry.requests("/forge/events").get(0);
        JsonNode body = FerryStandIn.body(event);
        assertThat(body.path("eventType").asText()).isEqualTo("avi:jira:updated:issue");
        assertThat(body.path("issue").path("key").asText()).isEqualTo(key);
        assertThat(body.path("changelog").has("items")).isTrue();
        assertThat(body.path("atlassianId").asText()).isEqualTo(Users.ADMIN_ACCOUNT_ID);
        assertThat(FerryStandIn.claims(FerryStandIn.fitOf(event)).path("app").path("module").path("key").asText())
                .isEqualTo("jira-events-trigger");
        assertThat(event.getHeader("x-forge-oauth-system")).isNotBlank();
    }

    @Test
    void aTransitionOnTheSiteReachesTheForgeAppAsItsEvent() {
        PersonActions people = new PersonActions(jira);
        String key = people.createIssue(Users.MEMBER_ACCOUNT_ID, "FERRY", "Move me");
        people.transition(Users.MEMBER_ACCOUNT_ID, key, "Done");
        people.comment(Users.MEMBER_ACCOUNT_ID, key, "Shipped");

        List<JsonNode> events = ferry.requests("/forge/events").stream().map(FerryStandIn::body).toList();
        assertThat(events).extracting(event -> event.path("eventType").asText())
                .containsExactly("avi:jira:created:issue", "avi:jira:updated:issue", "avi:jira:commented:issue");
        JsonNode transition = events.get(1);
        assertThat(transition.path("issue").path("key").asText()).isEqualTo(key);
        assertThat(transition.path("atlassianId").asText()).isEqualTo(Users.MEMBER_ACCOUNT_ID);
        assertThat(transition.path("changelog").path("items").findValuesAsText("field")).contains("status");
        assertThat(events.get(2).path("comment").path("id").asText()).isNotBlank();
    }

    @Test
    void aFailingRemoteGetsFourRetriesAndA3xxCountsAsAFailure() {
        ferry.server.stubFor(post(urlPathEqualTo("/forge/events")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/elsewhere")));
        String key = jira.admin().createIssue("FERRY", "Task", "Retry me");

        RemoteReply reply = jira.forge().event("avi:jira:created:issue", key).orElseThrow();

        assertThat(reply.ok()).isFalse();
        assertThat(reply.attempts()).isEqualTo(5);
        List<LoggedRequest> attempts = ferry.requests("/forge/events");
        assertThat(attempts).hasSize(5);
        assertThat(FerryStandIn.body(attempts.get(0)).has("retryContext")).isFalse();
        assertThat(FerryStandIn.body(attempts.get(4)).path("retryContext").path("retryCount").asInt()).isEqualTo(4);
        assertThat(attempts).extracting(FerryStandIn::fitOf).doesNotHaveDuplicates();
        assertThat(ferry.requests("/elsewhere")).isEmpty();
    }

    @Test
    void anAnswerLaterThanFiveSecondsIsAFailureAndTheNextTryCanSucceed() {
        ferry.server.stubFor(post(urlPathEqualTo("/forge/events")).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(202).withFixedDelay(6_000)).willSetStateTo("fast"));
        ferry.server.stubFor(post(urlPathEqualTo("/forge/events")).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(aResponse().withStatus(202)));
        String key = jira.admin().createIssue("FERRY", "Task", "Slow me");

        long started = System.nanoTime();
        RemoteReply reply = jira.forge().event("avi:jira:created:issue", key).orElseThrow();

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.attempts()).isEqualTo(2);
        assertThat(jira.forge().invocations()).filteredOn(sent -> sent.endpointKey().equals("jira-events"))
                .extracting(Invocation::status).containsExactly(0, 202);
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(4_900L, 6_500L);
    }

    @Test
    void aScheduledTriggerBringsAFreshSystemTokenEachRun() {
        jira.forge().runScheduledTrigger("token-refresh-schedule");
        jira.forge().runScheduledTrigger("token-refresh-schedule");

        List<LoggedRequest> runs = ferry.requests("/forge/scheduled/token");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).getHeader("x-forge-oauth-system")).isNotEqualTo(runs.get(1).getHeader("x-forge-oauth-system"));
        assertThat(jira.forge().tokenKind(runs.get(1).getHeader("x-forge-oauth-system"))).isEqualTo("system");
        assertThat(FerryStandIn.claims(FerryStandIn.fitOf(runs.get(0))).path("app").path("module").path("key").asText())
                .isEqualTo("token-refresh-schedule");
    }
}
