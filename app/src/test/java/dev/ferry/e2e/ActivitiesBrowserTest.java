package dev.ferry.e2e;

import static dev.ferry.ingest.ActivityKind.COMMENT_ADDED;
import static dev.ferry.ingest.ActivityKind.PAGE_UPDATED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.ingest.Activity;
import dev.ferry.ingest.ActivityStore;
import dev.ferry.principal.Role;
import dev.ferry.site.SiteDirectory;
import dev.ferry.support.Browser;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.Organizations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Member reads the organization's activities in headless Chromium, on a wide screen and on a phone: first the
 * explanation of an empty list, then a page of activities named by person (or "unmapped"), the next page by
 * cursor, a source filter and the export links. Nothing reaches past a phone's right edge.
 */
@FerryJourney
class ActivitiesBrowserTest {

    static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    @AutoClose
    static Browser browser = Browser.start();

    @Autowired
    Organizations organizations;
    @Autowired
    People people;
    @Autowired
    ActivityStore activityStore;
    @Autowired
    SiteDirectory sites;
    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void windowBackToItsSize() {
        browser.resetViewport();
    }

    @Test
    void aMemberFiltersPagesAndExportsActivitiesOnAWideScreenAndOnAPhone(Journey journey) {
        ActivityFixtures fixtures = new ActivityFixtures(activityStore, sites, jdbc);
        String ferry = journey.url();
        for (int width : new int[] {1280, 390}) {
            var org = organizations.create("Acme Activities " + width);
            String connection = ActivityFixtures.connect(journey.api(org.key()), journey.jira(),
                    "557058:activities-" + width, "Reader " + width);
            browser.driver().manage().deleteAllCookies();
            People.Login member = people.create(org.id(), Role.MEMBER);
            browser.viewport(width, 844).loginAs(ferry, member)
                    .open(ferry + "/admin/activities");
            assertThat(browser.testId("no-activities").getText()).contains("No activity matches")
                    .contains("Nobody of the organization is mapped").contains("Ferry holds no activity of");
            ConsoleLayoutBrowserTest.fitsAndShoot(browser, "activities-empty-" + width);

            String dana = fixtures.person(org.id(), "user-dana-" + width, "Dana Scully");
            fixtures.map(org.id(), dana, connection, "557058:dana");
            List<Activity> stored = new ArrayList<>();
            for (int i = 0; i < 55; i++) {
                stored.add(fixtures.activity(COMMENT_ADDED, i % 2 == 0 ? "557058:dana" : "557058:ola",
                        i % 2 == 0 ? "Dana S." : "Ola Nordmann", T.plusSeconds(i), "A rather long issue summary number " + i));
            }
            stored.add(fixtures.activity(PAGE_UPDATED, "557058:ola", "Ola Nordmann", T.minusSeconds(60), "Runbook"));
            fixtures.store(org.id(), connection, stored);

            browser.open(ferry + "/admin/activities");
            List<String> who = column(2);
            assertThat(browser.findAll(By.cssSelector("[data-testid='activity']"))).hasSize(50);
            assertThat(who).contains("Dana Scully", "unmapped: Ola Nordmann");
            assertThat(browser.find(By.cssSelector("[data-testid='activity'] a")).getAttribute("href"))
                    .startsWith("https://acme.example/browse/FERRY-");
            assertThat(browser.testId("export-csv").getAttribute("href")).contains("/admin/activities/export?format=csv");
            assertThat(browser.find(By.cssSelector("nav a[href='/admin/activities']")).getText()).isEqualTo("Activities");
            ConsoleLayoutBrowserTest.fitsAndShoot(browser, "activities-" + width);

            browser.click(By.cssSelector("[data-testid='next']"));
            assertThat(browser.findAll(By.cssSelector("[data-testid='activity']"))).hasSize(6);
            assertThat(browser.findAll(By.cssSelector("[data-testid='next']"))).isEmpty();

            browser.open(ferry + "/admin/activities").select("Source", "Confluence").click("Filter");
            assertThat(browser.findAll(By.cssSelector("[data-testid='activity']"))).hasSize(1);
            assertThat(browser.testId("activity").getText()).contains("Page updated").contains("Runbook")
                    .contains("unmapped: Ola Nordmann");
            ConsoleLayoutBrowserTest.fitsAndShoot(browser, "activities-confluence-" + width);

            String csv = browser.testId("export-csv").getAttribute("href").substring(ferry.length());
            var exported = ConsoleClient.signIn(journey.port(), member).get(csv);
            assertThat(exported.statusCode()).isEqualTo(200);
            assertThat(exported.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(exported.body().lines().toList()).hasSize(2).last().asString().contains("\"page_updated\"")
                    .contains("\"Runbook\"");
        }
    }

    /** The texts of one column of the table's rows. */
    private static List<String> column(int index) {
        return browser.findAll(By.cssSelector("[data-testid='activity']")).stream()
                .map(row -> row.findElements(By.tagName("td")).get(index - 1).getText()).toList();
    }
}
