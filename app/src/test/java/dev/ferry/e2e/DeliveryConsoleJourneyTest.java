package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.account.Role;
import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.fault.Fault;
import dev.ferry.support.Browser;
import dev.ferry.support.CleanDatabase;
import dev.ferry.support.Organizations;
import dev.ferry.support.TestSupportConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A person runs the integration from the admin console in headless Chromium, beside the simulated Jira:
 * adds a destination by picking a site and one of its projects, edits a rule and watches the preview, sends
 * a test ticket and finds it in Jira, deletes it; sees why deliveries wait and fixes it; retries a failed
 * delivery; links and unlinks a ticket; reads the audit log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"ferry.jira.backoff-initial=20ms", "ferry.jira.backoff-max=200ms",
                "ferry.jira.max-inline-wait=1500ms", "ferry.jira.requests-per-second=1000",
                "ferry.delivery.worker-enabled=false"})
@ActiveProfiles("test")
@Import(TestSupportConfig.class)
@ExtendWith(CleanDatabase.class)
class DeliveryConsoleJourneyTest {

    static final JiraSimulator jira = JiraSimulator.start();
    static final int PORT = FerryBesideJira.freePort();
    static final String FERRY = FerryBesideJira.baseUrl(PORT);

    @AutoClose
    static Browser browser = Browser.start();

    @Autowired
    ApplicationContext context;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;

    Organizations.Org org;
    ProductApi api;
    People.Login admin;

    @DynamicPropertySource
    static void ferryTalksToTheSimulator(DynamicPropertyRegistry registry) {
        FerryBesideJira.register(registry, jira, PORT);
    }

    @AfterAll
    static void stopSimulator() {
        jira.close();
    }

    @BeforeEach
    void anOrganizationWithALinkedSiteAndAnAdmin() {
        jira.reset();
        org = organizations.create("Acme Experiments");
        api = new ProductApi(FERRY, org.key());
        LinkedDestinations.linkSite(jira, api, FERRY);
        admin = people.create(org.id(), Role.ADMIN);
        browser.loginAs(FERRY, admin);
    }

    @Test
    void anAdminAddsADestinationEditsARuleSendsATestTicketSeesItInJiraAndDeletesIt() {
        browser.open(FERRY + "/admin/destinations");
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

        browser.click("Delete this test ticket");
        assertThat(browser.testId("flash").getText()).isEqualTo("Test ticket " + key + " deleted from Jira.");
        assertThat(jira.data().issueJson(key, jira.baseUrl())).isEmpty();

        browser.open(FERRY + "/admin/destinations");
        assertThat(browser.find(By.cssSelector("tr[data-project='FERRY']")).getText()).contains("Active");
        browser.screenshot("destinations");
        assertThat(api.get("/api/v1/audit").body()).contains("TEST_TICKET_SENT").contains("TEST_TICKET_DELETED")
                .contains("user:" + admin.email());
        jira.assertNoSpecViolations();
    }

    @Test
    void whenJiraRejectsFerrysCredentialsABannerSaysDeliveriesWaitAndTheyResumeAfterReconnecting() {
        LinkedDestinations.create(jira, api, FERRY, "FERRY");
        jira.credentials().revokeSecret();
        assertThat(api.post("/api/v1/events", TicketDeliveryJourneyTest.guardrail("exp-1", "Checkout", null)).status())
                .isEqualTo(202);
        DeliveryDrain.drain(context);

        browser.open(FERRY + "/admin/destinations");
        assertThat(browser.testId("banner-credentials").getText()).contains("Jira rejected Ferry's credentials for")
                .contains("deliveries wait");
        assertThat(browser.testId("banner-action").getText()).isEqualTo("Reconnect");
        assertThat(browser.testId("banner-action").getAttribute("href")).startsWith(jira.baseUrl());
        browser.open(FERRY + "/admin/deliveries");
        assertThat(browser.find(By.cssSelector("tr[data-status='WAITING']")).getText()).contains("experiment.guardrail_breached");
        browser.screenshot("deliveries");

        jira.site().reinstall();
        DeliveryDrain.timePasses(context);
        DeliveryDrain.drain(context);
        browser.open(FERRY + "/admin/destinations");
        assertThat(browser.findAll(By.cssSelector("[data-testid='banner-credentials']"))).isEmpty();
        browser.open(FERRY + "/admin/deliveries");
        assertThat(browser.find(By.cssSelector("tr[data-status='DONE']")).getText()).contains("FERRY-");
    }

    @Test
    void aRefusedIssueTypeShowsARefreshBannerWhoseButtonResumesTheDestination() {
        String destination = LinkedDestinations.create(jira, api, FERRY, "FERRY");
        jira.faults().add("POST", "/rest/api/3/issue", Fault.fieldError("issuetype", "Specify a valid issue type"), 1);
        api.post("/api/v1/events", TicketDeliveryJourneyTest.guardrail("exp-2", "Checkout", null));
        DeliveryDrain.drain(context);

        browser.open(FERRY + "/admin/destinations/" + destination);
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
        LinkedDestinations.create(jira, api, FERRY, "FERRY");
        jira.faults().add("POST", "/rest/api/3/issue", Fault.fieldError("summary", "Summary is required by a workflow"), 1);
        api.post("/api/v1/events", TicketDeliveryJourneyTest.guardrail("exp-3", "Checkout", null));
        DeliveryDrain.drain(context);

        browser.open(FERRY + "/admin/deliveries?status=FAILED");
        assertThat(browser.find(By.cssSelector("tr[data-status='FAILED']")).getText())
                .contains("Summary is required by a workflow");
        browser.click("Retry");
        assertThat(browser.testId("flash").getText()).contains("will be tried again");
        DeliveryDrain.drain(context);
        browser.open(FERRY + "/admin/deliveries");
        String filed = browser.find(By.cssSelector("tr[data-status='DONE'] a")).getText();

        String byHand = jira.admin().createIssue("FERRY", "Task", "Filed by a person");
        browser.open(FERRY + "/admin/links?subjectType=experiment&subjectId=exp-3");
        assertThat(browser.find(By.cssSelector("tr[data-issue='" + filed + "']")).getText())
                .contains("experiment.guardrail_breached");
        browser.fill("Issue key", byHand).fill("Title of object", "Checkout").click("Link ticket");
        assertThat(browser.testId("flash").getText()).isEqualTo(byHand + " linked to experiment exp-3.");
        assertThat(browser.find(By.cssSelector("tr[data-issue='" + byHand + "']")).getText()).contains("manual");
        browser.screenshot("links");
        browser.find(By.cssSelector("tr[data-issue='" + byHand + "'] button")).click();
        assertThat(browser.testId("flash").getText()).contains("Link removed");
        assertThat(browser.findAll(By.cssSelector("tr[data-issue='" + byHand + "']"))).isEmpty();

        browser.open(FERRY + "/admin/audit");
        browser.select("Action", "Link removed").click("Filter");
        assertThat(browser.findAll(By.cssSelector("tr[data-action]"))).hasSize(1);
        assertThat(browser.find(By.cssSelector("tr[data-action='LINK_REMOVED']")).getText()).contains(byHand)
                .contains("user:" + admin.email());
        browser.open(FERRY + "/admin/audit");
        assertThat(browser.find(By.cssSelector("tr[data-action='ISSUE_CREATED']")).getText()).contains(filed);
        browser.screenshot("audit");
    }

    private String preview() {
        return browser.testId("preview-summary").getText();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> condition.getAsBoolean());
    }
}
