package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.link.IssueState;
import dev.ferry.panel.GlanceDrain;
import dev.ferry.link.LinkOrigin;
import dev.ferry.link.LinkedObject;
import dev.ferry.link.TicketLink;
import dev.ferry.link.TicketLinks;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.fault.Fault;
import dev.ferry.simulator.app.AppClient;
import dev.ferry.simulator.iframe.IssueContext;
import dev.ferry.simulator.rest.Users;
import dev.ferry.support.Browser;
import dev.ferry.support.Http;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The panels against the Jira simulator over real HTTP: the glance badge lands in Jira as the issue
 * property Jira reads, the panel's refresh asks Jira for the status (and notices a deleted issue), and its
 * actions work only on the token's issue, for people Jira lets edit it, with every unlink audited. The
 * buttons are clicked in headless Chromium on the page Jira would frame, and say in the panel what happened.
 */
@FerryJourney
class PanelsWithJiraTest {

    static final String BADGE = "com.atlassian.jira.issue:ferry-for-jira:ferry-linked-objects:status";
    @AutoClose
    static final Browser browser = Browser.start();

    @Autowired
    TicketLinks links;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    Journey journey;
    JiraSimulator jira;
    String clientKey;
    String issueKey;
    String issueId;

    @BeforeEach
    void installAndFileAnIssue(Journey journey) {
        this.journey = journey;
        jira = journey.jira();
        clientKey = jira.site().identity().clientKey();
        assertThat(jira.site().install(journey.url()).status()).isEqualTo(204);
        issueKey = jira.admin().createIssue("FERRY", "Bug", "[Guardrail] latency breached on Checkout v2");
        issueId = jira.site().issueContext(issueKey).issueId();
        GlanceDrain.drain(context);
    }

    @Test
    void linkingSetsTheGlanceBadgeInJira() {
        link("exp-1");
        link("exp-2");

        assertThat(GlanceDrain.drain(context)).isEqualTo(1);

        assertThat(jira.data().issueProperty(issueKey, BADGE)).hasValueSatisfying(badge -> {
            assertThat(badge.path("type").asText()).isEqualTo("badge");
            assertThat(badge.path("value").path("label").asText()).isEqualTo("2");
        });
    }

    @Test
    void refreshReadsTheStatusFromJira() {
        TicketLink link = link("exp-3");
        jira.admin().transition(issueKey, "In Progress");

        var reply = refresh(link);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("\"statusName\":\"In Progress\"").contains("\"statusCategory\":\"indeterminate\"");
        assertThat(links.find(clientKey, link.id()).orElseThrow().statusCategory()).isEqualTo("indeterminate");
    }

    @Test
    void aTokenOutlivingItsDeletedIssueActsOnNothing() {
        TicketLink link = link("exp-4");
        String token = contextToken();
        jira.data().deleteIssue(issueKey);

        var reply = refresh(link, token);

        // Nobody may edit an issue that is gone; webhooks and the nightly reconcile mark the link instead.
        assertThat(reply.status()).isEqualTo(403);
        assertThat(links.find(clientKey, link.id())).isPresent();
    }

    @AfterEach
    void onlyTheAdminEditsAgain() {
        jira.data().mayEditIssues(Users.MEMBER_ACCOUNT_ID, false);
        jira.data().mayEditIssues(Users.ADMIN_ACCOUNT_ID, true);
    }

    @Test
    void refreshStatusInThePanelShowsTheStatusJiraGives() {
        TicketLink link = link("exp-11");
        jira.admin().transition(issueKey, "In Progress");
        openPanel();

        press(link, "Refresh status");

        assertThat(outcomeOf(link, "Status refreshed")).isEqualTo("Status refreshed: this issue is In Progress in Jira.");
        assertThat(links.find(clientKey, link.id()).orElseThrow().statusCategory()).isEqualTo("indeterminate");
    }

    @Test
    void anObjectsOwnStateIsNotShownInSuccessGreen() {
        link("exp-16");
        openPanel();

        // "running" may as well be waiting: only Ferry's own outcomes are green.
        assertThat(browser.testId("object-state").getText()).isEqualToIgnoringCase("running");
        assertThat(browser.testId("object-state").getCssValue("background-color")).isNotEqualTo("rgba(227, 252, 239, 1)");
    }

    @Test
    void unlinkInThePanelRemovesTheLinkAndSaysSo() {
        TicketLink link = link("exp-12");
        TicketLink stays = link("exp-13");
        openPanel();

        press(link, "Unlink");

        assertThat(outcomeOf(link, "Unlinked")).isEqualTo("Unlinked. This object no longer shows on this issue.");
        assertThat(browser.testId("count").getText()).isEqualTo("1 linked");
        browser.screenshot("issue-panel-unlinked");
        assertThat(links.find(clientKey, link.id())).isEmpty();
        assertThat(links.find(clientKey, stays.id())).isPresent();
        assertThat(auditRowsFor(link)).isEqualTo(1);
    }

    @Test
    void whenJiraRefusesThePanelSaysWhyInWords() {
        TicketLink link = link("exp-14");
        openPanel();
        jira.data().mayEditIssues(Users.ADMIN_ACCOUNT_ID, false);

        press(link, "Unlink");

        assertThat(outcomeOf(link, "Jira")).isEqualTo(
                "Jira does not let you edit this issue, so you cannot change its linked objects.");
        assertThat(outcome(link).getAttribute("class")).contains("error");
        browser.screenshot("issue-panel-refused");
        assertThat(links.find(clientKey, link.id())).isPresent();
    }

    @Test
    void whenJiraDoesNotAnswerThePanelSaysToTryAgain() {
        TicketLink link = link("exp-15");
        openPanel();
        jira.faults().add("POST", "/rest/api/3/permissions/check", Fault.serverError(503), 100);

        press(link, "Refresh status");

        assertThat(outcomeOf(link, "Jira")).isEqualTo("Jira did not answer. Try again in a moment.");
        assertThat(links.find(clientKey, link.id())).isPresent();
    }

    @Test
    void theReloadPageAsksJiraForAFreshViewInsteadOfReloadingItsOwnAddress() {
        String expired = journey.url() + "/panels/issue?issueId=" + issueId + "&jwt=" + contextToken();
        browser.open(expired);
        browser.driver().executeScript("var frame = document.createElement('iframe'); frame.id = 'jira-frame';"
                + "frame.src = arguments[0]; document.body.appendChild(frame);", expired);
        browser.driver().switchTo().frame(browser.find(By.id("jira-frame")));
        browser.testId("reload");
        browser.driver().executeScript("window.stillHere = true; window.hostReloads = 0;"
                + "window.AP = {navigator: {reload: function () { window.hostReloads++; }}};");

        browser.testId("reload").click();

        assertThat(browser.driver().executeScript("return window.hostReloads")).isEqualTo(1L);
        assertThat(browser.driver().executeScript("return window.stillHere")).isEqualTo(true);
        assertThat(browser.findAll(By.cssSelector("[onclick]"))).isEmpty();
        browser.driver().switchTo().defaultContent();
    }

    @Test
    void outsideJiraTheReloadPageSaysWhatToDo() {
        browser.open(journey.url() + "/panels/issue?issueId=" + issueId + "&jwt=" + contextToken());
        browser.driver().executeScript("window.stillHere = true;");

        browser.testId("reload").click();

        assertThat(browser.testId("reload-outside-jira").isDisplayed()).isTrue();
        browser.screenshot("reload-outside-jira");
        assertThat(browser.testId("reload-outside-jira").getText()).contains("Open the issue or page in Jira again");
        assertThat(browser.driver().executeScript("return window.stillHere")).isEqualTo(true);
        assertThat(browser.text()).contains("This view needs to be reloaded").doesNotContain("Exception");
    }

    void openPanel() {
        browser.open(jira.site().iframeUrl("ferry-issue-panel", jira.site().issueContext(issueKey)));
    }

    void press(TicketLink link, String button) {
        browser.find(By.cssSelector("[data-link-id='" + link.id() + "']"))
                .findElement(By.xpath(".//button[normalize-space()='" + button + "']")).click();
    }

    WebElement outcome(TicketLink link) {
        return browser.find(By.cssSelector("[data-link-id='" + link.id() + "'] [data-outcome]"));
    }

    /** The line the panel shows under the link once it starts with {@code start}. */
    String outcomeOf(TicketLink link, String start) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> outcome(link).getText().startsWith(start));
        return outcome(link).getText();
    }

    @Test
    void aTokenIssuedForAnotherIssueCannotTouchThisIssuesLinks() {
        TicketLink link = link("exp-5");
        String otherIssue = jira.admin().createIssue("FERRY", "Task", "Another issue");
        String token = jira.site().contextToken(jira.site().issueContext(otherIssue));

        var unlink = action("unlink", link.id(), token);
        var refresh = action("refresh", link.id(), token);

        assertThat(unlink.statusCode()).isEqualTo(404);
        assertThat(unlink.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refresh.statusCode()).isEqualTo(404);
        assertThat(links.find(clientKey, link.id())).isPresent();
        assertThat(jira.calls()).noneMatch(call -> call.path().equals("/rest/api/3/permissions/check"));
    }

    @Test
    void aGuessedLinkNumberOrATokenWithoutAnIssueIsNotFound() {
        TicketLink link = link("exp-6");

        assertThat(action("unlink", link.id() + 1000, contextToken()).statusCode()).isEqualTo(404);
        assertThat(action("unlink", link.id(), jira.site().contextTokenOf(Users.ADMIN_ACCOUNT_ID)).statusCode())
                .isEqualTo(404);
        assertThat(links.find(clientKey, link.id())).isPresent();
    }

    @Test
    void someoneJiraDoesNotLetEditTheIssueIsRefused() {
        TicketLink link = link("exp-7");
        String token = jira.site().contextTokenOf(Users.MEMBER_ACCOUNT_ID, jira.site().issueContext(issueKey));

        var unlink = action("unlink", link.id(), token);
        var refresh = action("refresh", link.id(), token);

        assertThat(unlink.statusCode()).isEqualTo(403);
        assertThat(unlink.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(unlink.body()).contains("edit this issue");
        assertThat(refresh.statusCode()).isEqualTo(403);
        assertThat(links.find(clientKey, link.id())).isPresent();
        assertThat(auditRowsFor(link)).isZero();
    }

    @Test
    void anEditorUnlinksAndTheUnlinkIsAuditedWithTheirJiraAccount() {
        TicketLink link = link("exp-8");
        jira.data().mayEditIssues(Users.MEMBER_ACCOUNT_ID, true);

        var reply = action("unlink", link.id(),
                jira.site().contextTokenOf(Users.MEMBER_ACCOUNT_ID, jira.site().issueContext(issueKey)));

        assertThat(reply.statusCode()).isEqualTo(204);
        assertThat(links.find(clientKey, link.id())).isEmpty();
        var row = jdbc.sql("select actor, action, target, detail from audit_record where detail like ?")
                .param("%link " + link.id() + " %").query().singleRow();
        assertThat(row.get("actor")).isEqualTo("jira:" + Users.MEMBER_ACCOUNT_ID);
        assertThat(row.get("action")).isEqualTo("LINK_REMOVED");
        assertThat(row.get("target")).isEqualTo(issueKey);
        assertThat((String) row.get("detail")).contains(clientKey).contains("exp-8");
    }

    @Test
    void thePanelCarriesATokenForItsOwnIssueOnly() {
        TicketLink here = link("exp-9");
        String otherIssue = jira.admin().createIssue("FERRY", "Task", "Another issue");
        String otherIssueId = jira.site().issueContext(otherIssue).issueId();
        TicketLink there = links.link(clientKey, new IssueState(otherIssueId, otherIssue, "To Do", "new", Instant.now()),
                new LinkedObject("experiment", "exp-10", "Experiment exp-10", "https://product.example/exp-10", "running"),
                LinkOrigin.AUTOMATIC);
        var page = new AppClient().get(jira.site().iframeUrl("ferry-issue-panel", jira.site().issueContext(issueKey)), Map.of());
        var token = Pattern.compile("data-token=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();

        assertThat(action("unlink", there.id(), token.group(1)).statusCode()).isEqualTo(404);
        assertThat(action("unlink", here.id(), token.group(1)).statusCode()).isEqualTo(204);
        assertThat(links.find(clientKey, there.id())).isPresent();
    }

    long auditRowsFor(TicketLink link) {
        return jdbc.sql("select count(*) from audit_record where detail like ?").param("%link " + link.id() + " %")
                .query(Long.class).single();
    }

    HttpResponse<String> action(String action, long linkId, String token) {
        return new Http(journey.port()).post("/panels/api/links/" + linkId + "/" + action, "", "Authorization", "JWT " + token);
    }

    TicketLink link(String objectId) {
        return links.link(clientKey, new IssueState(issueId, issueKey, "To Do", "new", Instant.now()),
                new LinkedObject("experiment", objectId, "Experiment " + objectId, "https://product.example/" + objectId,
                        "running"), LinkOrigin.AUTOMATIC);
    }

    AppClient.Reply refresh(TicketLink link) {
        return refresh(link, contextToken());
    }

    String contextToken() {
        return jira.site().contextToken(jira.site().issueContext(issueKey));
    }

    AppClient.Reply refresh(TicketLink link, String token) {
        return new AppClient().postJson(journey.url() + "/panels/api/links/" + link.id() + "/refresh", "",
                Map.of("Authorization", "JWT " + token));
    }
}
