package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.Role;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.fault.Fault;
import dev.ferry.simulator.rest.Users;
import dev.ferry.support.Browser;
import dev.ferry.support.ConsoleClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Manager of the data-quality product files a ticket by hand for an anomaly in headless Chromium, on a wide
 * screen and on a phone, against the simulated site reached with an API-token connection whose default project
 * is FERRY: the project comes pre-filled, the issue types follow the project chosen, the assignee is found by
 * typing, a refusal (Jira's, then Ferry's own label check) keeps every field, and the filed ticket's key comes
 * back on the anomaly's linked tickets. Nothing reaches past a phone's right edge.
 */
@FerryJourney
class TicketFormBrowserTest {

    static final String EMAIL = "Dana.Quality@acme-data.example";
    static final String TOKEN = "ATATT3xFfGF0-ticket-form-token";
    static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    @AutoClose
    static Browser browser = Browser.start();

    @Autowired
    People people;

    JiraSimulator jira;
    String ferry;
    int port;
    ProductApi api;
    String connection;

    @BeforeEach
    void anOrganizationWithAnApiTokenConnectionDefaultingToFerry(Journey journey) {
        jira = journey.jira();
        ferry = journey.url();
        port = journey.port();
        api = journey.newOrganization("Acme Data Quality");
        jira.data().accounts().add("557058:dana", EMAIL, "Dana Quality");
        jira.credentials().addApiToken(EMAIL, TOKEN);
        var added = api.post("/api/v1/connections", "{\"siteUrl\":\"" + jira.baseUrl() + "\",\"email\":\"" + EMAIL
                + "\",\"token\":\"" + TOKEN + "\",\"defaultProject\":\"FERRY\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        connection = added.json().path("id").asString();
    }

    @AfterAll
    static void windowBackToItsSize() {
        browser.resetViewport();
    }

    @Test
    void aManagerFilesATicketForAnAnomalyWithAllSevenFieldsOnAWideScreenAndOnAPhone(Journey journey) {
        for (int width : new int[] {1280, 390}) {
            String anomaly = "an-" + width;
            browser.driver().manage().deleteAllCookies();
            browser.viewport(width, 844).loginAs(ferry, people.create(api.organizationId(), Role.MANAGER))
                    .open(ferry + "/admin/links?subjectType=anomaly&subjectId=" + anomaly);
            browser.click("Create Jira ticket");

            assertThat(browser.path()).isEqualTo("/admin/tickets/new");
            assertThat(selected("ticket-project")).as("the connection's default").isEqualTo("FERRY · Ferry demo");
            assertThat(options("ticket-issue-type")).containsExactly("Task", "Bug", "Story");
            assertThat(options("ticket-priority")).containsExactly("None (the site's default)", "Highest", "High",
                    "Medium", "Low", "Lowest");
            assertThat(browser.testId("ticket-site").getText()).isEqualTo(jira.baseUrl() + " (API token)");
            fitsAndShoot("ticket-form-" + width);

            browser.select("Project", "OPS · Operations");
            awaitIssueTypes("Task", "Bug");
            browser.select("Project", "FERRY · Ferry demo");
            awaitIssueTypes("Task", "Bug", "Story");
            browser.select("Issue type", "Bug").fill("Summary", "Row count of orders dropped by 38%")
                    .fill("Description", "The nightly load brought 38% fewer rows than the week's median.")
                    .select("Priority", "High").fill("Labels", width == 1280 ? "data-quality, orders" : "data quality, orders")
                    .fill("Title of object", "Row count dropped")
                    .fill("URL of object", "https://dq.example.com/anomalies/" + anomaly);
            chooseAssignee("Simulated", "Simulated Member", "ticket-form-assignee-" + width);
            fitsAndShoot("ticket-form-filled-" + width);

            int before = jira.data().issueCount();
            if (width == 1280) {
                jira.faults().add("POST", "/rest/api/3/issue",
                        Fault.fieldError("summary", "Summary must mention the table's owner"), 1);
            }
            browser.click("Create ticket");

            String error = browser.testId("ticket-error").getText();
            assertThat(error).contains("No ticket was filed").contains(width == 1280
                    ? "Jira refused summary: Summary must mention the table's owner"
                    : "Label \"data quality\" contains a space");
            assertThat(browser.testId(width == 1280 ? "summary-error" : "labels-error").getText())
                    .as("beside the field it names").contains(width == 1280 ? "Summary must mention" : "contains a space");
            assertThat(value("ticket-summary")).isEqualTo("Row count of orders dropped by 38%");
            assertThat(value("ticket-description")).isEqualTo("The nightly load brought 38% fewer rows than the week's median.");
            assertThat(selected("ticket-project")).isEqualTo("FERRY · Ferry demo");
            assertThat(selected("ticket-issue-type")).isEqualTo("Bug");
            assertThat(selected("ticket-priority")).isEqualTo("High");
            assertThat(value("ticket-labels")).isEqualTo(width == 1280 ? "data-quality, orders" : "data quality, orders");
            assertThat(browser.testId("assignee-chosen").getText()).isEqualTo("Simulated Member");
            assertThat(value("ticket-object-title")).isEqualTo("Row count dropped");
            assertThat(jira.data().issueCount()).as("nothing filed").isEqualTo(before);
            fitsAndShoot("ticket-form-refused-" + width);

            if (width != 1280) {
                browser.fill("Labels", "data-quality, orders");
            }
            browser.click("Create ticket");

            assertThat(browser.path()).isEqualTo("/admin/links");
            String key = browser.testId("flash").getText().replaceAll(" .*", "");
            assertThat(key).startsWith("FERRY-");
            assertThat(browser.testId("flash").getText()).contains(key + " filed in Jira and linked to anomaly " + anomaly);
            assertThat(browser.testId("flash-link").getAttribute("href")).isEqualTo(jira.baseUrl() + "/browse/" + key);
            assertThat(browser.find(By.cssSelector("tr[data-issue='" + key + "']")).getText()).contains("hand");
            assertThat(jira.data().issueCount()).isEqualTo(before + 1);
            var fields = jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("fields");
            assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Bug");
            assertThat(fields.path("priority").path("name").asText()).isEqualTo("High");
            assertThat(fields.path("labels").toString()).isEqualTo("[\"data-quality\",\"orders\"]");
            assertThat(fields.path("assignee").path("accountId").asText()).isEqualTo(Users.MEMBER_ACCOUNT_ID);
            assertThat(fields.path("description").toString()).contains("38% fewer rows")
                    .contains("https://dq.example.com/anomalies/" + anomaly);
            fitsAndShoot("ticket-filed-" + width);
        }
        journey.assertNoSpecViolations();
    }

    @Test
    void aFormSubmittedTwiceWithItsKeyFilesOneTicket(Journey journey) {
        People.Login admin = people.create(api.organizationId(), Role.ADMIN);
        var console = ConsoleClient.signIn(port, admin);
        String form = console.get("/admin/tickets/new?subjectType=anomaly&subjectId=an-twice&subjectTitle=Twice").body();
        Matcher key = KEY.matcher(form);
        assertThat(key.find()).as(form).isTrue();
        int before = jira.data().issueCount();
        String[] fields = {"site", connection, "project", "FERRY", "issueType", "Task", "summary", "Clicked twice",
            "subjectType", "anomaly", "subjectId", "an-twice", "subjectTitle", "Twice", "idempotencyKey", key.group(1)};

        var first = console.post("/admin/tickets/new", fields);
        var second = console.post("/admin/tickets/new", fields);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(303);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(303);
        assertThat(jira.data().issueCount()).isEqualTo(before + 1);
        assertThat(journey.answered("POST", "/rest/api/3/issue")).isEqualTo(1);
        assertThat(api.get("/api/v1/links?subjectType=anomaly&subjectId=an-twice").json()).hasSize(1);
        var audited = api.get("/api/v1/audit?action=TICKET_CREATED_BY_HAND").json().path("records");
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).path("actor").asString()).as("by whom: the person who sent the form")
                .isEqualTo("user:" + admin.email());
    }

    /** Types into the assignee's type-ahead, waits for Jira's assignable users and picks one by name. */
    private static void chooseAssignee(String typed, String name, String shot) {
        browser.fill("Assignee", typed);
        WebElement option = browser.find(By.xpath("//button[@data-testid='assignee-option' and normalize-space()='"
                + name + "']"));
        fitsAndShoot(shot);
        option.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("[data-testid='assignee-chosen']")).isEmpty());
        assertThat(browser.testId("assignee-chosen").getText()).isEqualTo(name);
        assertThat(browser.testId("assignee-account-id").getAttribute("value")).isEqualTo(Users.MEMBER_ACCOUNT_ID);
    }

    /** Waits until htmx has swapped in the issue types of the project just chosen. */
    private static void awaitIssueTypes(String... names) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> {
            try {
                return options("ticket-issue-type").equals(List.of(names));
            } catch (org.openqa.selenium.StaleElementReferenceException swapping) {
                return false;
            }
        });
    }

    private static List<String> options(String id) {
        return new Select(browser.find(By.id(id))).getOptions().stream().map(WebElement::getText).toList();
    }

    private static String selected(String id) {
        return new Select(browser.find(By.id(id))).getFirstSelectedOption().getText();
    }

    private static String value(String id) {
        return browser.find(By.id(id)).getAttribute("value");
    }

    /** Saves the whole page and checks nothing on it is wider than the screen. */
    private static void fitsAndShoot(String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> measured = (Map<String, Object>) browser.script(ConsoleLayoutBrowserTest.MEASURE);
        browser.screenshotWholePage(name);
        assertThat((Long) measured.get("scrollWidth")).as(name + ": wider elements " + measured.get("wide"))
                .isLessThanOrEqualTo((Long) measured.get("clientWidth"));
    }
}
