package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.ingest.job.IngestDrain;
import dev.ferry.jira.SimulatedIssueStream;
import dev.ferry.principal.Role;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.support.Browser;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The Data sources page in headless Chromium on a wide screen and on a phone: a Manager fetches a connection's
 * activity, watches the progress bar move by itself as pages are committed, cancels it and sees the polling stop;
 * a Member sees the same sources without a control to change them. Nothing reaches past a phone's right edge.
 */
@FerryJourney
class DataSourcesBrowserTest {

    @AutoClose
    static Browser browser = Browser.start();

    @Autowired
    People people;

    @Autowired
    ApplicationContext context;

    @AfterAll
    static void windowBackToItsSize() {
        browser.resetViewport();
    }

    @Test
    void aManagerFetchesWatchesTheProgressBarMoveAndCancelsOnAWideScreenAndOnAPhone(Journey journey) {
        JiraSimulator jira = journey.jira();
        for (int width : new int[] {1280, 390}) {
            ProductApi api = journey.newOrganization("Acme Sources " + width);
            String connection = journey.connectApiToken(api);
            String project = IngestFetchJourneyTest.freshProject(jira);
            for (int i = 1; i <= 5; i++) {
                jira.admin().createIssue(project, "Task", "Browser issue " + i);
            }
            browser.driver().manage().deleteAllCookies();
            browser.viewport(width, 844).loginAs(journey.url(), people.create(api.organizationId(), Role.MANAGER))
                    .open(journey.url() + "/admin/data-sources");
            assertThat(browser.testId("data-source").getAttribute("data-connection")).isEqualTo(connection);
            assertThat(browser.testId("schedule-line").getText()).contains("every 15 minutes");
            ConsoleLayoutBrowserTest.fitsAndShoot(browser, "data-sources-" + width);

            browser.script("document.querySelectorAll(\"input[name='streams']\").forEach(box => box.checked = box.value === arguments[0]);",
                    SimulatedIssueStream.NAME);
            browser.click(By.cssSelector("[data-testid='fetch-now']"));
            assertThat(browser.testId("flash").getText()).contains("Fetch queued");
            assertThat(browser.testId("fetch-progress").getAttribute("data-state")).isEqualTo("queued");
            assertThat(browser.testId("fetch-percent").getText()).isEqualTo("0 %");

            IngestDrain.drainDyingInPage(context, 1);
            waitFor(() -> "2".equals(browser.testId("fetch-records").getText()));
            assertThat(browser.testId("fetch-progress").getAttribute("data-state")).isEqualTo("running");
            assertThat(browser.testId("fetch-pages").getText()).isEqualTo("1");
            assertThat(browser.testId("fetch-percent").getText()).isNotEqualTo("0 %");
            ConsoleLayoutBrowserTest.fitsAndShoot(browser, "data-sources-running-" + width);

            browser.click(By.cssSelector("[data-testid='fetch-cancel']"));
            assertThat(browser.testId("flash").getText()).contains("Cancel asked");
            IngestDrain.timePasses(context);
            IngestDrain.drain(context);
            waitFor(() -> "cancelled".equals(browser.testId("fetch-progress").getAttribute("data-state")));
            assertThat(browser.testId("fetch-progress").getAttribute("hx-get")).as("polling stops").isNull();
            assertThat(browser.testId("fetch-records").getText()).isEqualTo("2");
            assertThat(browser.findAll(By.cssSelector("[data-testid='fetch-cancel']"))).isEmpty();

            browser.find(By.cssSelector("[data-testid='schedule-form'] input[name='everyMinutes']")).clear();
            browser.find(By.cssSelector("[data-testid='schedule-form'] input[name='everyMinutes']")).sendKeys("30");
            browser.click(By.cssSelector("[data-testid='schedule-save']"));
            assertThat(browser.testId("schedule-line").getText()).contains("every 30 minutes");
            ConsoleLayoutBrowserTest.fitsAndShoot(browser, "data-sources-cancelled-" + width);

            browser.driver().manage().deleteAllCookies();
            browser.loginAs(journey.url(), people.create(api.organizationId(), Role.MEMBER))
                    .open(journey.url() + "/admin/data-sources");
            assertThat(browser.testId("data-source").getText()).contains(SimulatedIssueStream.NAME);
            assertThat(browser.findAll(By.cssSelector("main form, main button"))).as("no controls for a Member").isEmpty();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(driver -> {
            try {
                return condition.getAsBoolean();
            } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                return false;
            }
        });
    }
}
