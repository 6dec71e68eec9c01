package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.principal.Role;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.fault.Fault;
import dev.ferry.support.Browser;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.Organizations;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A person runs the integration from the admin console in headless Chromium, beside the simulated Jira:
 * adds a destination by picking a site and one of its projects, edits a rule and watches the preview, sends
 * a test ticket and finds it in Jira, deletes it; sees why deliveries wait and fixes it; retries a failed
 * delivery; links and unlinks a ticket; reads the audit log.
 */
@FerryJourney
class DeliveryConsoleJourneyTest {

    @AutoClose
    static Browser browser = Browser.start();

    @Autowired
    ApplicationContext context;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;

    Journey journey;
    JiraSimulator jira;
    String ferry;
    Organizations.Org org;
    Journey.LinkedSite site;
    ProductApi api;
    People.Login admin;

    @BeforeEach
    void anOrganizationWithALinkedSiteAndAnAdmin(Journey journey) {
        this.journey = journey;
        jira = journey.jira();
        ferry = journey.url();
        org = organizations.create("Acme Experiments");
        api = journey.api(org.key());
        site = new Journey.LinkedSite(api, journey.linkSite(api));
        admin = people.create(org.id(), Role.ADMIN);
        browser.loginAs(ferry, admin);
    }

    @Test
    void anAdminAddsADestinationEditsARuleSendsATestTicketSeesItInJiraAndDeletesIt() {
        browser.open(ferry + "/admin/destinations");
        assertThat(browser.testId("no-destinations").getText()).contains("No destinations yet");
        browser.click("List projects").select("Project", "FERRY · Ferry demo").click("Add destination");

        assertThat(browser.path()).startsWith("/admin/destinations/");
        assertThat(browser.testId("flash").getText()).contains("Destination FERRY added");
        assertThat(browser.find(By.cssSelector("tr[data-event='experiment.guardrail_breached']")).getText())
                .contains("Bug").contains("High").contains("incident");

        browser.open(browser.driver().getCurrentUrl().replaceAll("\\?.*", "") + "?rule=experiment.guardrail_breached");
        assertThat(preview()).isEqualTo("[Guardrail] Error rate breached on Checkout redesign");
        browser.fill("Summary template", "Guardrail {{guardrailMetric}} over {{thresholdValue}} on {{experimentName}}");
        waitFor(() -> preview().equals("Guardrail Error rate over 1% on Checkout redesign"));
        assertThat(browser.testId("preview-description").getText()).contains("2.4%");
        browser.screenshot("destination-rules");
        browser.click("Save rule");
        assertThat(browser.testId("flash").getText()).isEqualTo("Rule for experiment.guardrail_breached saved.");
        String destinationPage = browser.driver().getCurrentUrl();
        browser.open(ferry + "/admin/audit");
        assertThat(browser.find(By.cssSelector("tr[data-action='TEMPLATES_UPDATED']")).getText())
                .as("who changed what, by name").contains(admin.email()).doesNotContain("user:")
                .contains("FERRY on ").contains("Summary template: \"[Guardrail] ")
                .contains(" → \"Guardrail {{guardrailMetric}} over {{thresholdValue}} on {{experimentName}}\"")
                .doesNotContain("Issue type");
        browser.open(destinationPage);

        browser.click("Send test ticket");
        assertThat(browser.testId("test-ticket-issue-type").getText()).isEqualTo("Bug");
        assertThat(browser.find(By.cssSelector("#test-event-type option[selected]")).getText())
                .isEqualTo("experiment.guardrail_breached");
        browser.fill("experimentName", "Pricing page").click("Send test ticket");
        String key = browser.testId("test-ticket-key").getText();
        assertThat(key).startsWith("FERRY-");
        browser.screenshot("test-ticket");
        var fields = jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("fields");
        assertThat(fields.path("summary").asText()).isEqualTo("[TEST] Guardrail Error rate over 1% on Pricing page");
        assertThat(fields.path("labels").toString()).contains("ferry-test");

        String testTicketPage = browser.driver().getCurrentUrl();
        String inJira = browser.testId("open-in-jira").getAttribute("href");
        assertThat(inJira).isEqualTo(jira.baseUrl() + "/browse/" + key);
        browser.open(inJira);
        assertThat(browser.find(By.id("summary")).getText()).isEqualTo("[TEST] Guardrail Error rate over 1% on Pricing page");
        browser.driver().navigate().back();
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(testTicketPage);

        browser.click("Delete this test ticket…");
        assertThat(browser.testId("confirm-delete-test-ticket").getText()).contains(key).contains("cannot be undone");
        assertThat(jira.data().issueJson(key, jira.baseUrl())).as("asking deletes nothing").isPresent();
        browser.screenshot("test-ticket-delete");
        browser.click("Delete from Jira");
        assertThat(browser.testId("flash").getText()).isEqualTo("Test ticket " + key + " deleted from Jira.");
        assertThat(jira.data().issueJson(key, jira.baseUrl())).isEmpty();

        browser.open(ferry + "/admin/destinations");
        assertThat(browser.find(By.cssSelector("tr[data-project='FERRY']")).getText()).containsIgnoringCase("active");
        browser.screenshot("destinations");
        assertThat(api.get("/api/v1/audit").body()).contains("TEST_TICKET_SENT").contains("TEST_TICKET_DELETED")
                .contains("user:" + admin.email());
    }

    @Test
    void whenJiraRejectsFerrysCredentialsABannerSaysDeliveriesWaitAndTheyResumeAfterReconnecting() {
        site.addDestination("FERRY");
        jira.credentials().revokeSecret();
        assertThat(api.post("/api/v1/events", Events.guardrail("exp-1", "Checkout")).status())
                .isEqualTo(202);
        DeliveryDrain.drain(context);

        browser.open(ferry + "/admin/destinations");
        assertThat(browser.testId("banner-credentials").getText()).contains("Jira rejected Ferry's credentials for")
                .contains("deliveries wait");
        assertThat(browser.testId("banner-action").getText()).isEqualTo("Reconnect");
        assertThat(browser.testId("banner-action").getAttribute("href")).startsWith(jira.baseUrl());
        browser.open(ferry + "/admin/deliveries");
        assertThat(browser.find(By.cssSelector("tr[data-status='WAITING']")).getText()).contains("experiment.guardrail_breached");
        browser.screenshot("deliveries");

        jira.site().reinstall();
        DeliveryDrain.timePasses(context);
        DeliveryDrain.drain(context);
        browser.open(ferry + "/admin/destinations");
        assertThat(browser.findAll(By.cssSelector("[data-testid='banner-credentials']"))).isEmpty();
        browser.open(ferry + "/admin/deliveries");
        assertThat(browser.find(By.cssSelector("tr[data-status='DONE']")).getText()).contains("FERRY-");
    }

    @Test
    void aRefusedIssueTypeShowsARefreshBannerWhoseButtonResumesTheDestination() {
        String destination = site.addDestination("FERRY");
        jira.faults().add("POST", "/rest/api/3/issue", Fault.fieldError("issuetype", "Specify a valid issue type"), 1);
        api.post("/api/v1/events", Events.guardrail("exp-2", "Checkout"));
        DeliveryDrain.drain(context);

        browser.open(ferry + "/admin/destinations/" + destination);
        assertThat(browser.testId("banner-issue-types").getText()).contains("Specify a valid issue type");
        browser.click("Refresh issue types");
        assertThat(browser.testId("flash").getText()).contains("takes tickets again");
        assertThat(browser.findAll(By.cssSelector("[data-testid='banner-issue-types']"))).isEmpty();
        DeliveryDrain.drain(context);
        assertThat(api.get("/api/v1/deliveries").json().path("deliveries").get(0).path("status").asString())
                .isEqualTo("DONE");
    }

    @Test
    void aFailedDeliveryIsRetriedFromTheLogAndTicketsAreLinkedUnlinkedAndAudited() {
        site.addDestination("FERRY");
        jira.faults().add("POST", "/rest/api/3/issue", Fault.fieldError("summary", "Summary is required by a workflow"), 1);
        api.post("/api/v1/events", Events.guardrail("exp-3", "Checkout"));
        DeliveryDrain.drain(context);

        browser.open(ferry + "/admin/deliveries?status=FAILED");
        assertThat(browser.find(By.cssSelector("tr[data-status='FAILED']")).getText())
                .contains("Summary is required by a workflow");
        browser.click("Retry");
        assertThat(browser.testId("flash").getText()).contains("will be tried again");
        DeliveryDrain.drain(context);
        browser.open(ferry + "/admin/deliveries");
        String filed = browser.find(By.cssSelector("tr[data-status='DONE'] a")).getText();

        String byHand = jira.admin().createIssue("FERRY", "Task", "Filed by a person");
        browser.open(ferry + "/admin/links?subjectType=experiment&subjectId=exp-3");
        assertThat(browser.find(By.cssSelector("tr[data-issue='" + filed + "']")).getText())
                .contains("experiment.guardrail_breached");
        browser.fill("Issue key", byHand).fill("Title of object", "Checkout").click("Link ticket");
        assertThat(browser.testId("flash").getText()).isEqualTo(byHand + " linked to experiment exp-3.");
        assertThat(browser.find(By.cssSelector("tr[data-issue='" + byHand + "']")).getText()).contains("manual");
        browser.screenshot("links");
        browser.click(By.cssSelector("tr[data-issue='" + byHand + "'] td.actions a"));
        assertThat(browser.testId("confirm-unlink").getText()).contains(byHand).contains("experiment exp-3");
        browser.click("Unlink ticket");
        assertThat(browser.testId("flash").getText()).contains("Link removed");
        assertThat(browser.findAll(By.cssSelector("tr[data-issue='" + byHand + "']"))).isEmpty();

        browser.open(ferry + "/admin/audit");
        browser.select("Action", "Link removed").click("Filter");
        assertThat(browser.findAll(By.cssSelector("tr[data-action]"))).hasSize(1);
        assertThat(browser.find(By.cssSelector("tr[data-action='LINK_REMOVED']")).getText()).contains(byHand)
                .contains(admin.email()).doesNotContain("user:");
        browser.open(ferry + "/admin/audit");
        assertThat(browser.find(By.cssSelector("tr[data-action='ISSUE_CREATED']")).getText()).contains(filed);
        browser.screenshot("audit");
    }

    @Test
    void aMemberSeesTicketsAndDeliveriesReadOnlyNotConfigurationAndTheServerRefusesEachChange() {
        String destination = site.addDestination("FERRY");
        String testTicket = api.post("/api/v1/destinations/" + destination + "/test-ticket", "{}").json()
                .path("issueKey").asString();
        jira.faults().add("POST", "/rest/api/3/issue", Fault.fieldError("summary", "Summary is required by a workflow"), 1);
        api.post("/api/v1/events", Events.guardrail("exp-4", "Checkout"));
        DeliveryDrain.drain(context);
        long failed = api.get("/api/v1/deliveries").json().path("deliveries").get(0).path("id").asLong();
        String byHand = jira.admin().createIssue("FERRY", "Task", "Filed by a person");
        long link = api.post("/api/v1/links", """
                {"site":"%s","issueKey":"%s","subject":{"type":"experiment","id":"exp-4","title":"Checkout"}}"""
                .formatted(jira.site().identity().clientKey(), byHand)).json().path("id").asLong();
        People.Login member = people.create(org.id(), Role.MEMBER);
        browser.driver().manage().deleteAllCookies();
        browser.loginAs(ferry, member);

        for (String configuration : java.util.List.of("/admin/destinations", "/admin/destinations/" + destination,
                "/admin/destinations/" + destination + "/test-ticket", "/admin/connections")) {
            browser.open(ferry + configuration);
            assertThat(browser.find(By.tagName("main")).getText()).as(configuration)
                    .contains("only Admins and Managers see them");
            assertThat(browser.findAll(By.cssSelector("[data-testid='rule-form'], [data-testid='test-ticket-form'],"
                    + " [data-testid='add-destination'], textarea"))).isEmpty();
        }
        assertThat(browser.findAll(By.cssSelector("nav a[href='/admin/destinations'], nav a[href='/admin/connections']")))
                .isEmpty();
        browser.open(ferry + "/admin/deliveries");
        assertThat(browser.find(By.cssSelector("tr[data-status='FAILED']")).getText()).doesNotContain("Retry");
        browser.open(ferry + "/admin/links?subjectType=experiment&subjectId=exp-4");
        assertThat(browser.find(By.cssSelector("tr[data-issue='" + byHand + "']")).getText()).doesNotContain("Unlink");
        assertThat(browser.findAll(By.cssSelector("[data-testid='link-by-key']"))).isEmpty();

        jira.reset();
        var console = ConsoleClient.signIn(journey.port(), member);
        String rule = "/admin/destinations/" + destination + "/rules/experiment.guardrail_breached";
        assertThat(java.util.List.of(
                console.post("/admin/destinations", "site", jira.site().identity().clientKey(), "projectKey", "OPS"),
                console.post(rule, "enabled", "true", "issueType", "Task", "summaryTemplate", "changed"),
                console.post("/admin/destinations/" + destination + "/refresh-issue-types"),
                console.post("/admin/destinations/" + destination + "/test-ticket", "eventType",
                        "experiment.guardrail_breached"),
                console.post("/admin/destinations/" + destination + "/test-tickets/" + testTicket + "/delete"),
                console.post("/admin/deliveries/" + failed + "/retry"),
                console.post("/admin/links", "site", jira.site().identity().clientKey(), "issueKey", byHand,
                        "subjectType", "experiment", "subjectId", "exp-9", "subjectTitle", "Other"),
                console.post("/admin/links/" + link + "/unlink")))
                .allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(403));

        assertThat(jira.calls()).as("nothing reached Jira").isEmpty();
        assertThat(jira.data().issueJson(testTicket, jira.baseUrl())).isPresent();
        assertThat(api.get("/api/v1/destinations").json()).hasSize(1);
        assertThat(api.get("/api/v1/destinations/" + destination).body()).doesNotContain("changed");
        assertThat(api.get("/api/v1/deliveries?status=FAILED").json().path("deliveries")).hasSize(1);
        assertThat(api.get("/api/v1/links?subjectType=experiment&subjectId=exp-4").json()).hasSize(1);
        assertThat(api.get("/api/v1/links?subjectType=experiment&subjectId=exp-9").json()).isEmpty();
    }

    @Test
    void badFormInputIsExplainedOnThePageAndNothingChanges() {
        String clientKey = jira.site().identity().clientKey();
        String foreign = anotherOrganizationsDestination(clientKey);
        String destination = site.addDestination("FERRY");
        jira.reset();
        var console = ConsoleClient.signIn(journey.port(), admin);

        refused(console.post("/admin/destinations", "site", clientKey, "projectKey", "NOPE"), 400, "Jira has no project NOPE");
        refused(console.post("/admin/destinations", "site", "not-linked", "projectKey", "OPS"), 404,
                "No site not-linked is linked to this organization");
        refused(console.post("/admin/destinations/" + destination + "/rules/experiment.guardrail_breached", "enabled",
                "true", "issueType", "Bug", "summaryTemplate", "{{#unclosed}} on {{experimentName}}"), 400, "summary");
        refused(console.post("/admin/destinations/" + destination + "/test-ticket", "eventType", "experiment.nope"), 400,
                "Unknown event type experiment.nope");
        refused(console.get("/admin/destinations/" + foreign), 404, "No destination " + foreign);
        refused(console.post("/admin/destinations/" + foreign + "/test-ticket", "eventType",
                "experiment.guardrail_breached"), 404, "No destination " + foreign);
        refused(console.post("/admin/destinations/" + destination + "/test-tickets/FERRY-999/delete"), 404,
                "No test ticket FERRY-999 was sent from this destination");
        refused(console.post("/admin/deliveries/999999/retry"), 404, "No delivery 999999 in this organization.");
        refused(console.post("/admin/links", "site", clientKey, "issueKey", "not a key", "subjectType", "experiment",
                "subjectId", "exp-1", "subjectTitle", "Checkout"), 400, "IssueKey must be a Jira issue key");
        refused(console.get("/admin/audit?from=yesterday"), 400, "From must be a day such as 2026-11-25");

        assertThat(jira.calls()).filteredOn(call -> !call.method().equals("GET")).as("nothing was written to Jira")
                .isEmpty();
        assertThat(api.get("/api/v1/destinations").json()).hasSize(1);
        assertThat(api.get("/api/v1/destinations/" + destination).body()).doesNotContain("unclosed");
        assertThat(api.get("/api/v1/audit?action=TEMPLATES_UPDATED").json().path("records")).isEmpty();
    }

    @Test
    void theAuditLogFiltersByActionAndDayAndShowsFiftyAPage() {
        var audit = context.getBean(dev.ferry.audit.AuditLog.class);
        for (int i = 0; i < 60; i++) {
            audit.record(org.id(), "user:someone@example.com", dev.ferry.audit.AuditAction.TEMPLATES_UPDATED,
                    "destination d / rule " + i, null);
        }
        var console = ConsoleClient.signIn(journey.port(), admin);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();

        String first = console.get("/admin/audit?action=TEMPLATES_UPDATED&from=" + today + "&to=" + today).body();
        assertThat(rows(first)).isEqualTo(50);
        assertThat(first).contains("rule 59").doesNotContain("rule 9<").contains("data-testid=\"older\"");
        String second = console.get("/admin/audit?action=TEMPLATES_UPDATED&from=" + today + "&to=" + today + "&page=1")
                .body();
        assertThat(rows(second)).isEqualTo(10);
        assertThat(second).contains("rule 0<").doesNotContain("data-testid=\"older\"");
        assertThat(rows(console.get("/admin/audit?action=TEMPLATES_UPDATED&to=" + yesterday).body())).isZero();
        assertThat(rows(console.get("/admin/audit?action=SITE_CONNECTED").body())).isEqualTo(1);
    }

    private static int rows(String page) {
        return page.split("<tr data-action=", -1).length - 1;
    }

    /** A site serves one organization at a time: lend it to another one for a destination there, then take it back. */
    private String anotherOrganizationsDestination(String clientKey) {
        ProductApi other = journey.api(organizations.create("Other").key());
        assertThat(api.delete("/api/v1/sites/" + clientKey).status()).isEqualTo(204);
        String foreign = new Journey.LinkedSite(other, journey.linkSite(other)).addDestination("OPS");
        assertThat(other.delete("/api/v1/sites/" + clientKey).status()).isEqualTo(204);
        journey.linkSite(api);
        return foreign;
    }

    private static void refused(java.net.http.HttpResponse<String> answer, int status, String message) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(answer.body()).contains(message);
    }

    private String preview() {
        return browser.testId("preview-summary").getText();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> condition.getAsBoolean());
    }
}
