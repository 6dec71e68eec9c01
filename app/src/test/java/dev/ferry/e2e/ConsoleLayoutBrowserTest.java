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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every console page, filled with what an organization in use has (a linked site, a destination, done,
 * failed and waiting deliveries, links, keys, people, audit rows), laid out on a wide screen and on a
 * phone: nothing reaches past the right edge, and no table cell breaks a word in the middle. Each page
 * is saved as {@code app/target/screenshots/<page>-<width>.png}.
 */
@FerryJourney
class ConsoleLayoutBrowserTest {

    static final List<Integer> WIDTHS = List.of(1280, 390, 320);
    static final int HEIGHT = 844;


    /**
     * What a page must not do, measured in the browser: be wider than the screen, break words in tables, or
     * make a table scroll sideways (at the two widths measured, tables fit or stack).
     */
    static final String MEASURE = """
            const root = document.documentElement;
            const breaking = [...document.querySelectorAll('table td, table th, table td *, table th *')]
                .filter(cell => { const style = getComputedStyle(cell);
                    return style.overflowWrap === 'anywhere' || style.wordBreak === 'break-all'
                        || style.wordBreak === 'break-word'; })
                .map(cell => cell.tagName.toLowerCase() + (cell.className ? '.' + cell.className : ''));
            const wide = [...document.querySelectorAll('body *')]
                .filter(element => element.getBoundingClientRect().right > root.clientWidth + 1)
                .map(element => element.tagName.toLowerCase() + (element.className ? '.' + element.className : '')
                    + ' ' + Math.round(element.getBoundingClientRect().right));
            const scrolling = [...document.querySelectorAll('table')]
                .filter(table => table.parentElement.scrollWidth > table.parentElement.clientWidth)
                .map(table => table.dataset.testid);
            return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
                breaking: [...new Set(breaking)].slice(0, 5), wide: wide.slice(0, 5), scrolling: scrolling};
            """;

    @AutoClose
    static Browser browser = Browser.start();

    @Autowired
    ApplicationContext context;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;

    JiraSimulator jira;
    String ferry;
    int port;
    int callbackPort;

    @BeforeEach
    void onTheJourneysSite(Journey journey) {
        callbackPort = journey.callbackPort();
        jira = journey.jira();
        ferry = journey.url();
        port = journey.port();
    }

    @AfterAll
    static void windowBackToItsSize() {
        browser.resetViewport();
    }

    @Test
    void everyConsolePageFitsAPhoneAndAWideScreenWithoutBreakingWordsInTables() {
        Organizations.Org org = organizations.create("Acme Experiments International");
        ProductApi api = new ProductApi(ferry, org.key());
        String destination = LinkedDestinations.create(jira, api, ferry, "FERRY");
        String clientKey = jira.site().identity().clientKey();
        People.Login admin = people.create(org.id(), Role.ADMIN, "platform.administrator@acme-experiments.example");
        people.create(org.id(), Role.MANAGER, "release.manager.with.a.long.name@acme-experiments.example");
        String sent = api.post("/api/v1/destinations/" + destination + "/test-ticket", "{}").json().path("issueKey")
                .asString();
        var console = ConsoleClient.signIn(port, admin);
        console.post("/admin/api-keys", "name", "Experiment platform (production)", "scopes", "events:write");
        console.post("/admin/api-keys", "name", "Nightly reconciliation job", "scopes", "links:read");
        String byHand = jira.admin().createIssue("FERRY", "Task", "Filed by a person");
        assertThat(console.post("/admin/links", "site", clientKey, "issueKey", byHand, "subjectType", "experiment",
                "subjectId", "exp-1", "subjectTitle", "Checkout redesign").statusCode()).isEqualTo(303);
        String firstRun = newcomerOneTimePassword(console);
        String connection = apiTokenConnection(api);
        deliveries(api);

        browser.loginAs(ferry, admin).open(ferry + "/admin/api-keys");
        String revoke = browser.find(By.cssSelector("a[href$='/revoke']")).getAttribute("href");
        String rules = ferry + "/admin/destinations/" + destination;
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", ferry + "/admin");
        pages.put("jira-sites", ferry + "/admin/integrations/jira");
        pages.put("disconnect", ferry + "/admin/integrations/jira/sites/" + clientKey + "/disconnect");
        pages.put("connections", ferry + "/admin/connections");
        pages.put("connection", ferry + "/admin/connections/" + connection);
        pages.put("connection-install", ferry + "/admin/connections/" + clientKey);
        pages.put("connection-delete", ferry + "/admin/connections/" + connection + "/delete");
        pages.put("destinations", ferry + "/admin/destinations?site=" + clientKey);
        pages.put("destination-rules", rules);
        pages.put("rule-preview", rules + "?rule=experiment.guardrail_breached");
        pages.put("test-ticket", rules + "/test-ticket?eventType=experiment.guardrail_breached&sent=" + sent);
        pages.put("test-ticket-delete", rules + "/test-tickets/" + sent + "/delete?eventType=experiment.guardrail_breached");
        pages.put("links", ferry + "/admin/links?subjectType=experiment&subjectId=exp-1");
        pages.put("unlink", ferry + "/admin/links/" + browser.open(ferry + "/admin/links?subjectType=experiment&subjectId=exp-1")
                .find(By.cssSelector("a[href$='/unlink']")).getAttribute("href").replaceAll(".*/links/", ""));
        pages.put("ticket-new", ferry + "/admin/tickets/new?subjectType=experiment&subjectId=exp-1");
        pages.put("deliveries", ferry + "/admin/deliveries");
        pages.put("api-keys", ferry + "/admin/api-keys");
        pages.put("revoke", revoke);
        pages.put("users", ferry + "/admin/users");
        pages.put("audit", ferry + "/admin/audit");
        pages.put("not-found", ferry + "/admin/destinations/no-such-destination");
        pages.put("password", ferry + "/admin/password");
        String callback = api.post("/api/v1/callbacks", "{\"url\":\"http://127.0.0.1:" + callbackPort
                + "/hooks/ticket-news-for-the-anomaly-pages\",\"description\":\"Ticket news\"}").json().path("id").asString();
        api.post("/api/v1/callbacks/" + callback + "/test", "");
        pages.put("callbacks", ferry + "/admin/callbacks");
        pages.put("callback", ferry + "/admin/callbacks/" + callback);
        pages.put("callback-delete", ferry + "/admin/callbacks/" + callback + "/delete");
        String collector = api.post("/api/v1/audit-collectors", "{\"connectionId\":\"" + connection
                + "\",\"filter\":\"permission scheme\"}").json().path("id").asString();
        pages.put("audit-collectors", ferry + "/admin/audit-collectors");
        pages.put("audit-collector", ferry + "/admin/audit-collectors/" + collector);
        pages.put("audit-collector-delete", ferry + "/admin/audit-collectors/" + collector + "/delete");

        List<String> failures = new ArrayList<>();
        for (int width : WIDTHS) {
            browser.viewport(width, HEIGHT);
            pages.forEach((name, url) -> check(failures, name, width, url));
        }
        browser.driver().manage().deleteAllCookies();
        for (int width : WIDTHS) {
            browser.viewport(width, HEIGHT);
            check(failures, "login", width, ferry + "/admin/login");
            browser.signIn(ferry, "first.run@acme-experiments.example", firstRun);
            assertThat(browser.path()).isEqualTo("/admin/password");
            check(failures, "first-run", width, null);
            browser.driver().manage().deleteAllCookies();
        }

        assertThat(failures).as("pages that overflow or break words in tables").isEmpty();
    }

    /** Saves the whole page and checks nothing on it is wider than the screen and no table cell breaks words. */
    static void fitsAndShoot(Browser browser, String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> measured = (Map<String, Object>) browser.script(MEASURE);
        browser.screenshotWholePage(name);
        assertThat((Long) measured.get("scrollWidth")).as(name + ": wider elements " + measured.get("wide"))
                .isLessThanOrEqualTo((Long) measured.get("clientWidth"));
        assertThat((List<?>) measured.get("breaking")).as(name + ": word-breaking cells").isEmpty();
    }

    /** Opens the page (null: stays), saves it whole and notes what is wrong with its layout. */
    private void check(List<String> failures, String name, int width, String url) {
        if (url != null) {
            browser.open(url);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> measured = (Map<String, Object>) browser.script(MEASURE);
        browser.screenshotWholePage(name + "-" + width);
        long scrollWidth = (Long) measured.get("scrollWidth");
        long clientWidth = (Long) measured.get("clientWidth");
        if (scrollWidth > clientWidth || !((List<?>) measured.get("breaking")).isEmpty()
                || !((List<?>) measured.get("scrolling")).isEmpty()) {
            failures.add(name + " at " + width + ": scrollWidth " + scrollWidth + " (clientWidth " + clientWidth
                    + "), wider elements " + measured.get("wide") + ", word-breaking cells " + measured.get("breaking")
                    + ", tables scrolling " + measured.get("scrolling"));
        }
    }

    /** One delivery done, one failed by a Jira refusal, and one waiting because Jira rejects Ferry's credentials. */
    private void deliveries(ProductApi api) {
        api.post("/api/v1/events", Events.guardrail("exp-1", "Checkout redesign", null));
        DeliveryDrain.drain(context);
        jira.faults().add("POST", "/rest/api/3/issue",
                Fault.fieldError("summary", "Summary is required by the COMMENTED workflow of project FERRY"), 1);
        api.post("/api/v1/events", Events.guardrail("exp-2", "Pricing page", null));
        DeliveryDrain.drain(context);
        jira.credentials().revokeSecret();
        api.post("/api/v1/events", Events.guardrail("exp-3", "Onboarding emails", null));
        DeliveryDrain.drain(context);
    }

    /** An API-token connection to the journey's site whose token expires in a week, so the warnings show. */
    private String apiTokenConnection(ProductApi api) {
        String email = "Quality.Bot.Account@acme-experiments.example";
        jira.data().accounts().add("557058:layout-quality-bot", email, "Quality bot of Acme Experiments");
        jira.credentials().addApiToken(email, "ATATT3xFfGF0-layout-token");
        var added = api.post("/api/v1/connections", "{\"siteUrl\":\"" + jira.baseUrl() + "\",\"email\":\"" + email
                + "\",\"token\":\"ATATT3xFfGF0-layout-token\",\"defaultProject\":\"FERRY\",\"tokenExpiresOn\":\""
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(7) + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().path("id").asString();
    }

    /** A person the admin adds signs in first with a one-time password, which the page shows once. */
    private static String newcomerOneTimePassword(ConsoleClient console) {
        String page = console.post("/admin/users", "email", "first.run@acme-experiments.example", "role", "MEMBER")
                .body();
        var secret = Pattern.compile("<code class=\"secret\"[^>]*>([^<]+)</code>").matcher(page);
        assertThat(secret.find()).as(page).isTrue();
        return secret.group(1);
    }
}
