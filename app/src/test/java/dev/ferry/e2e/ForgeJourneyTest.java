package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.PersonActions;
import dev.ferry.simulator.RecordedCall;
import dev.ferry.simulator.forge.RemoteReply;
import dev.ferry.simulator.rest.Users;
import dev.ferry.webhook.InboxDrain;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Ferry as a Forge app, end to end against the simulated site playing Forge: installed from Ferry's own manifest,
 * known, linked from the console and confirmed on the Forge admin page; a rule files a ticket with the app system
 * token; Jira's change comes back as a Forge event and syncs the link's status; the issue panel's data comes over
 * Forge Remote; an uninstall makes Ferry refuse the installation's tokens. A site that ran Ferry through Connect and
 * moves to the Forge app stays the same site, its links kept.
 */
@FerryJourney
class ForgeJourneyTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aSiteInstalledThroughForgeFilesTicketsSyncsStatusShowsItsPanelAndIsRefusedOnceUninstalled(Journey journey)
            throws Exception {
        JiraSimulator jira = journey.jira();
        ProductApi acme = journey.newOrganization("Acme Experiments");
        ForgeSites.install(journey);

        JsonNode known = json(ForgeSites.configure(jira, "GET", "/forge/ui/configure"));
        assertThat(known.path("site").path("url").asString()).as("the site is known").isEqualTo(jira.baseUrl());
        assertThat(known.path("site").path("cloudId").asString()).isEqualTo(jira.cloudId());
        String site = ForgeSites.link(jira, acme);
        assertThat(json(ForgeSites.configure(jira, "GET", "/forge/ui/configure")).path("site")
                .path("linkedOrganization").asString()).isEqualTo("Acme Experiments");

        new Journey.LinkedSite(acme, site, SiteKind.FORGE).addDestination("FERRY");
        String eventId = acme.postEvent(guardrail("exp-forge-1", "Forge checkout"));
        DeliveryDrain.drain(context);
        JsonNode delivery = acme.delivery(eventId);
        assertThat(delivery.path("status").asString()).as(delivery.toString()).isEqualTo("DONE");
        String key = delivery.path("issueKey").asString();
        List<RecordedCall> creates = jira.calls().stream()
                .filter(call -> call.method().equals("POST") && Journey.sitePath(call.path()).equals("/rest/api/3/issue")
                        && call.status() == 201).toList();
        assertThat(creates).hasSize(1);
        assertThat(creates.get(0).path()).as("through the API gateway").startsWith("/api.atlassian.com/ex/jira/");
        assertThat(jira.forge().tokenKind(creates.get(0).header("Authorization").orElseThrow()))
                .as("filed with the app system token").isEqualTo("system");
        assertThat(jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("fields").path("reporter")
                .path("accountId").asText()).isEqualTo(jira.forge().botAccountId());

        new PersonActions(jira).transition(Users.ADMIN_ACCOUNT_ID, key, "Done");
        assertThat(jira.forge().invocations()).filteredOn(sent -> sent.endpointKey().equals("jira-events"))
                .as("the change went to Ferry as a Forge event").last()
                .satisfies(sent -> assertThat(sent.status()).isEqualTo(202));
        InboxDrain.drain(context);
        JsonNode link = acme.get("/api/v1/links?subjectType=experiment&subjectId=exp-forge-1").json().get(0);
        assertThat(link.path("status").asString()).as(link.toString()).isEqualTo("Done");

        RemoteReply panel = jira.forge().invokeRemote(ForgeSites.ISSUE_PANEL, "GET", "/forge/ui/issue-links",
                Users.ADMIN_ACCOUNT_ID, key, null);
        assertThat(panel.status()).as(panel.body()).isEqualTo(200);
        JsonNode links = json(panel).path("links");
        assertThat(links).hasSize(1);
        assertThat(links.get(0).path("id").asLong()).isEqualTo(link.path("id").asLong());
        assertThat(links.get(0).path("url").asString()).isEqualTo("https://exp.example/exp-forge-1");
        assertThat(links.get(0).path("statusName").asString()).isEqualTo("Done");

        assertThat(jira.forge().runScheduledTrigger("token-refresh-schedule").status()).isEqualTo(204);

        String beforeUninstall = jira.forge().fit(ForgeSites.ISSUE_PANEL, Users.ADMIN_ACCOUNT_ID, key).sign();
        assertThat(jira.forge().uninstall().ok()).isTrue();
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(journey.url() + "/forge/ui/issue-links")).header("Authorization", "Bearer " + beforeUninstall)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("uninstalled").doesNotContain(beforeUninstall);
        assertThat(acme.get("/api/v1/links?subjectType=experiment&subjectId=exp-forge-1").json())
                .as("the site's links stay").hasSize(1);
    }

    @Test
    void aConnectSiteThatMovesToTheForgeAppKeepsItsKeyAndLinksAndFilesWithTheSystemToken(Journey journey) {
        JiraSimulator jira = journey.jira();
        ProductApi acme = journey.newOrganization("Acme Experiments");
        String clientKey = journey.linkSite(acme);
        new Journey.LinkedSite(acme, clientKey).addDestination("FERRY");
        String before = acme.postEvent(guardrail("exp-moved-1", "Before the move"));
        DeliveryDrain.drain(context);
        String keyBefore = acme.delivery(before).path("issueKey").asString();

        RemoteReply moved = jira.forge().migrateFromConnect(ForgeSites.manifest(), Journey.FORGE_APP_ID);
        assertThat(moved.status()).as(moved.body()).isEqualTo(204);

        JsonNode sites = acme.get("/api/v1/sites").json().path("sites");
        assertThat(sites).as("one site, the same key").hasSize(1);
        assertThat(sites.get(0).path("clientKey").asString()).isEqualTo(clientKey);
        JsonNode panel = json(jira.forge().invokeRemote(ForgeSites.ISSUE_PANEL, "GET", "/forge/ui/issue-links",
                Users.ADMIN_ACCOUNT_ID, keyBefore, null));
        assertThat(panel.path("links")).as("the link made over Connect, seen through Forge").hasSize(1);

        int callsBefore = jira.calls().size();
        String after = acme.postEvent(guardrail("exp-moved-2", "After the move"));
        DeliveryDrain.drain(context);
        assertThat(acme.delivery(after).path("status").asString()).isEqualTo("DONE");
        List<RecordedCall> calls = jira.calls().subList(callsBefore, jira.calls().size());
        assertThat(calls).filteredOn(call -> call.authKind() != null).isNotEmpty()
                .allSatisfy(call -> assertThat(call.authKind()).as(call.method() + " " + call.path())
                        .isEqualTo("forge-system"));
        assertThat(acme.get("/api/v1/links?subjectType=experiment&subjectId=exp-moved-1").json()).hasSize(1);
    }

    private static JsonNode json(RemoteReply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
        return ProductApi.JSON.readTree(reply.body());
    }
}
