package dev.ferry.start;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.FerryProperties;
import dev.ferry.account.People;
import dev.ferry.principal.Role;
import dev.ferry.site.TestSites;
import dev.ferry.sitelink.SiteLinking;
import dev.ferry.support.Browser;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's home in headless Chromium: a new organization's three first steps, each ticked as its data
 * appears, with a first-event example that really works and copies with one click.
 */
@FerryIntegrationTest
class HomePageBrowserTest {

    @AutoClose
    static Browser browser = Browser.start();

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;
    @Autowired
    TestSites sites;
    @Autowired
    SiteLinking linking;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FerryProperties ferry;

    String base() {
        return "http://127.0.0.1:" + port;
    }

    @AfterEach
    void signOut() {
        browser.resetViewport().driver().manage().deleteAllCookies();
    }

    @Test
    void aNewOrganizationSeesThreeStepsThatTickThemselvesAsItsDataAppears() {
        Organizations.Org acme = organizations.create("Acme");
        browser.width(1280).loginAs(base(), people.create(acme.id(), Role.ADMIN));

        assertThat(browser.path()).as("signing in lands on the home page").isEqualTo("/admin");
        assertThat(done("site")).isFalse();
        assertThat(done("destination")).isFalse();
        assertThat(done("event")).as("the organization's first key exists, but no event yet").isFalse();
        assertThat(browser.testId("step-event").getText()).contains("An API key exists; no event has arrived yet");
        assertThat(browser.findAll(By.cssSelector("[data-testid='all-done']"))).isEmpty();
        String curl = browser.testId("curl-example").getText();
        assertThat(curl).startsWith("curl -X POST " + ferry.baseUrlText() + "/api/v1/events")
                .contains("Authorization: Bearer YOUR_API_KEY").contains("\"experiment.guardrail_breached\"");
        assertThat(browser.testId("openapi-link").getAttribute("href")).isEqualTo(base() + "/api/v1/openapi.json");
        browser.screenshot("home-first-run-1280");

        sites.install("home-site", "home-site-shared-secret-long-enough-000001");
        linking.link(acme.id(), "home-site");
        browser.open(base() + "/admin");
        assertThat(done("site")).isTrue();
        assertThat(done("destination")).isFalse();

        destination(acme.id(), "home-site");
        var event = new Http(port).post("/api/v1/events", body(curl), "Authorization", "Bearer " + acme.key(),
                "Content-Type", "application/json");
        assertThat(event.statusCode()).as("the example, with a real key, is a valid event: " + event.body())
                .isEqualTo(202);
        browser.open(base() + "/admin");
        assertThat(done("destination")).isTrue();
        assertThat(done("event")).isTrue();
        assertThat(browser.testId("all-done").getText()).contains("Ferry is set up");
        browser.width(390);
        browser.screenshot("home-all-done-390");
    }

    @Test
    void theExampleCopiesWithOneClickOnAPhone() {
        Organizations.Org acme = organizations.create("Acme");
        browser.width(390).allowClipboard(base()).loginAs(base(), people.create(acme.id(), Role.MEMBER));
        assertThat(browser.testId("step-site").getText()).contains("Ask an Admin or a Manager");
        WebElement copy = browser.find(By.cssSelector("button[data-copy-target='curl-example']"));

        copy.click();

        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> copy.getAttribute("data-copy-state") != null);
        assertThat(copy.getText()).isEqualTo("Copied");
        assertThat(browser.clipboard()).isEqualTo(browser.testId("curl-example").getText());
        browser.screenshot("home-first-run-390");
    }

    private boolean done(String step) {
        WebElement item = browser.testId("step-" + step);
        boolean done = Boolean.parseBoolean(item.getAttribute("data-done"));
        assertThat(item.getAttribute("textContent")).as("the step says so to screen readers too").contains(done ? "(done)" : "(to do)");
        return done;
    }

    /** The JSON the example sends: what stands between {@code -d '} and the closing quote. */
    private static String body(String curl) {
        return curl.substring(curl.indexOf("-d '") + 4, curl.lastIndexOf('\''));
    }

    private void destination(String organizationId, String clientKey) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into destination (id, version, organization_id, client_key, project_key, state, created_at, updated_at)
                values (?, 1, ?, ?, 'FERRY', 'ACTIVE', ?, ?)""")
                .params(UUID.randomUUID().toString(), organizationId, clientKey, now, now).update();
    }
}
