package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.PersonActions;
import dev.ferry.simulator.forge.Invocation;
import dev.ferry.simulator.forge.RemoteReply;
import dev.ferry.simulator.rest.Users;
import dev.ferry.support.Browser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Ferry's Forge front ends, built by npm from {@code descriptors/ui/src}, in headless Chromium on the simulated Jira
 * that plays Forge: the site installs Ferry from its manifest, the site's Jira administrator confirms an
 * organization's link request on the Forge admin page (anyone else is told who can), a product event files a ticket
 * with the app system token, and the issue panel lists the linked object, refreshes its status from Jira, unlinks it,
 * and tells someone Jira does not let edit the issue why not. Every figure checked on a page is one Ferry answered
 * over Forge Remote, at 1280 and 390 px wide.
 */
@FerryJourney
class ForgeUiBrowserTest {

    static final String EXPERIMENT = "exp-forge-1";
    static final String TITLE = "Checkout redesign";

    @AutoClose
    static final Browser browser = Browser.start();

    @Autowired
    ApplicationContext context;
    Journey journey;
    JiraSimulator jira;
    ForgeFrontEnd forge;
    ProductApi api;

    @BeforeAll
    static void theFrontEndsAreBuilt() {
        ForgeFrontEnd.requireBuilt();
    }

    @BeforeEach
    void installFerryThroughForge(Journey journey) {
        this.journey = journey;
        jira = journey.jira();
        forge = new ForgeFrontEnd(browser, jira);
        RemoteReply installed = jira.forge().install(journey.url(), ForgeSites.manifest(), Journey.FORGE_APP_ID);
        assertThat(installed.status()).as(installed.body()).isEqualTo(204);
        jira.forge().serveResources(ForgeSites.descriptors());
        api = journey.newOrganization("Acme Experiments");
    }

    @AfterEach
    void onlyTheAdminEditsAgain() {
        jira.data().mayEditIssues(Users.MEMBER_ACCOUNT_ID, false);
        jira.data().mayEditIssues(Users.ADMIN_ACCOUNT_ID, true);
        browser.driver().switchTo().defaultContent();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void theAdminConfirmsTheLinkOnTheForgeAdminPage(int width) {
        browser.width(width);
        ProductApi.Reply asked = api.post("/api/v1/sites", "{\"site\":\"" + jira.baseUrl() + "\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);

        forge.open(ForgeFrontEnd.CONFIGURE, null, Users.ADMIN_ACCOUNT_ID);

        assertThat(forge.loaded()).isEqualTo("1 link request is waiting for you.");
        WebElement request = forge.row("requests", "Acme Experiments");
        assertThat(request.getText()).contains("asked by the API key")
                .containsPattern("One-time code: [A-Z0-9]+-[A-Z0-9]+ \\(valid until");
        assertThat(browser.text()).contains(jira.baseUrl()).contains(jira.cloudId());
        forge.screenshot("forge-configure-pending-" + width);

        ForgeFrontEnd.press(request, "Confirm");

        assertThat(forge.statusStartingWith("This site is now linked"))
                .isEqualTo("This site is now linked to Acme Experiments.");
        assertThat(forge.rows("requests")).isEmpty();
        assertThat(browser.text()).contains("Linked organization\nAcme Experiments");
        forge.screenshot("forge-configure-linked-" + width);
        JsonNode sites = api.get("/api/v1/sites").json();
        assertThat(sites.path("sites")).as(sites.toString()).hasSize(1);
        assertThat(sites.path("sites").get(0).path("baseUrl").asString()).isEqualTo(jira.baseUrl());
        assertThat(uiCalls("/forge/ui/configure")).as("the page asked Ferry, with a FIT for the admin").isNotEmpty()
                .allSatisfy(call -> assertThat(principal(call)).isEqualTo(Users.ADMIN_ACCOUNT_ID));
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void someoneWhoDoesNotAdministerTheSiteIsToldWhoCanConfirm(int width) {
        browser.width(width);
        assertThat(api.post("/api/v1/sites", "{\"site\":\"" + jira.baseUrl() + "\"}").status()).isEqualTo(202);

        forge.open(ForgeFrontEnd.CONFIGURE, null, Users.MEMBER_ACCOUNT_ID);

        assertThat(forge.loaded()).isEqualTo("A link request is waiting for a Jira administrator.");
        assertThat(browser.text()).contains("Only a Jira administrator can confirm or decline it")
                .doesNotContain("One-time code");
        assertThat(forge.rows("requests")).isEmpty();
        forge.screenshot("forge-configure-not-admin-" + width);
        assertThat(api.get("/api/v1/sites").json().path("requests").get(0).path("state").asString()).isEqualTo("PENDING");
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void theIssuePanelListsRefreshesAndUnlinksTheLinkedObject(int width) {
        browser.width(width);
        String issueKey = fileLinkedTicket();
        forge.open(ForgeFrontEnd.ISSUE_PANEL, issueKey, Users.ADMIN_ACCOUNT_ID);

        assertThat(forge.loaded()).isEqualTo("1 linked object.");
        WebElement row = forge.row("links", TITLE);
        assertThat(row.getText()).contains("experiment").contains("filed automatically").doesNotContain("Jira status");
        forge.screenshot("forge-issue-panel-" + width);

        new PersonActions(jira).transition(Users.MEMBER_ACCOUNT_ID, issueKey, "In Progress");
        long statusReads = statusReads(issueKey);
        ForgeFrontEnd.press(row, "Refresh");

        assertThat(forge.statusStartingWith("Refreshed")).isEqualTo("Refreshed " + TITLE + ".");
        assertThat(forge.row("links", TITLE).getText()).contains("Jira status: In Progress").doesNotContain("To Do");
        assertThat(statusReads(issueKey)).as("Ferry read the status from Jira with the system token")
                .isGreaterThan(statusReads);
        forge.screenshot("forge-issue-panel-refreshed-" + width);

        ForgeFrontEnd.press(forge.row("links", TITLE), "Unlink");

        assertThat(forge.statusStartingWith("Unlinked"))
                .isEqualTo("Unlinked " + TITLE + ". No objects are linked to this issue now.");
        assertThat(forge.rows("links")).isEmpty();
        forge.screenshot("forge-issue-panel-unlinked-" + width);
        assertThat(api.get("/api/v1/links?subjectType=experiment&subjectId=" + EXPERIMENT).json()).isEmpty();
        JsonNode removed = api.get("/api/v1/audit?action=LINK_REMOVED").json().path("records");
        assertThat(removed).hasSize(1);
        assertThat(removed.get(0).path("actor").asString()).isEqualTo("jira:" + Users.ADMIN_ACCOUNT_ID);
        assertThat(removed.get(0).path("target").asString()).isEqualTo(issueKey);
        assertThat(forge.open(ForgeFrontEnd.ISSUE_GLANCE, issueKey, Users.ADMIN_ACCOUNT_ID).loaded())
                .as("the glance, from the same resource").isEqualTo("No objects are linked to this issue yet.");
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void someoneJiraDoesNotLetEditTheIssueIsToldWhyInWords(int width) {
        browser.width(width);
        String issueKey = fileLinkedTicket();
        jira.data().mayEditIssues(Users.MEMBER_ACCOUNT_ID, false);
        forge.open(ForgeFrontEnd.ISSUE_PANEL, issueKey, Users.MEMBER_ACCOUNT_ID);
        assertThat(forge.loaded()).isEqualTo("1 linked object.");

        ForgeFrontEnd.press(forge.row("links", TITLE), "Unlink");

        assertThat(forge.shownError()).isEqualTo("You are not allowed to do this. "
                + "Only people who may edit this issue in Jira can change its linked objects.");
        assertThat(forge.row("links", TITLE).isDisplayed()).as("still listed").isTrue();
        forge.screenshot("forge-issue-panel-refused-" + width);
        assertThat(api.get("/api/v1/links?subjectType=experiment&subjectId=" + EXPERIMENT).json()).hasSize(1);
        assertThat(api.get("/api/v1/audit?action=LINK_REMOVED").json().path("records")).isEmpty();
        assertThat(uiCalls("/unlink")).singleElement().satisfies(call -> {
            assertThat(call.status()).isEqualTo(403);
            assertThat(principal(call)).isEqualTo(Users.MEMBER_ACCOUNT_ID);
        });
    }

    /**
     * The site linked to Acme through the admin page's remote calls, a destination for FERRY, and a guardrail event
     * filed as a ticket linked to {@link #EXPERIMENT}; answers the ticket's key.
     */
    private String fileLinkedTicket() {
        assertThat(api.post("/api/v1/sites", "{\"site\":\"" + jira.baseUrl() + "\"}").status()).isEqualTo(202);
        forge.open(ForgeFrontEnd.CONFIGURE, null, Users.ADMIN_ACCOUNT_ID);
        ForgeFrontEnd.press(forge.row("requests", "Acme Experiments"), "Confirm");
        forge.statusStartingWith("This site is now linked");
        String site = api.get("/api/v1/sites").json().path("sites").get(0).path("clientKey").asString();
        ProductApi.Reply destination = api.post("/api/v1/destinations",
                "{\"site\":\"" + site + "\",\"projectKey\":\"FERRY\"}");
        assertThat(destination.status()).as(destination.body()).isEqualTo(201);

        String eventId = api.postEvent(guardrail(EXPERIMENT, TITLE));
        DeliveryDrain.drain(context);
        JsonNode delivery = api.delivery(eventId);
        assertThat(delivery.path("outcome").asString()).as(delivery.toString()).isEqualTo("CREATED");
        String issueKey = delivery.path("issueKey").asString();
        assertThat(jira.data().issueJson(issueKey, jira.baseUrl()).orElseThrow().path("fields").path("reporter")
                .path("accountId").asText()).as("filed with the app system token").isEqualTo(jira.forge().botAccountId());
        return issueKey;
    }

    /** The UI module calls Forge sent Ferry whose path contains {@code path}. */
    private List<Invocation> uiCalls(String path) {
        return jira.forge().invocations().stream()
                .filter(call -> call.url().contains("/forge/ui/") && call.url().contains(path)).toList();
    }

    /** The user the call's Forge Invocation Token names. */
    private static String principal(Invocation call) {
        String payload = call.fit().split("\\.")[1];
        return ProductApi.JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
                .path("principal").asString();
    }

    /** How many times Jira answered a read of the issue made with the Forge app's system token. */
    private long statusReads(String issueKey) {
        String issuePath = "/rest/api/[23]/issue/(" + issueKey + "|" + jira.site().issueContext(issueKey).issueId() + ")";
        return jira.calls().stream().filter(call -> call.method().equals("GET") && call.status() == 200)
                .filter(call -> "system".equals(jira.forge().tokenKind(call.header("Authorization").orElse(null))))
                .filter(call -> Journey.sitePath(call.path()).matches(issuePath))
                .count();
    }
}
