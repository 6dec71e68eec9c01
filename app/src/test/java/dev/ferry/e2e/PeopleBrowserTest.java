package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.ingest.Activity;
import dev.ferry.ingest.ActivityKind;
import dev.ferry.ingest.ActivityStore;
import dev.ferry.ingest.IngestTarget;
import dev.ferry.principal.Role;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.site.SiteDirectory;
import dev.ferry.support.Browser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * An Admin maps the most active unmapped actor to a new person in one step and erases a person after
 * confirming, on a wide screen and on a phone; a Member sees the directory without any control to change it.
 */
@FerryJourney
class PeopleBrowserTest {

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
    void anAdminMapsAnActorInOneStepAndErasesAPersonOnAWideScreenAndOnAPhone(Journey journey) {
        JiraSimulator jira = journey.jira();
        String ferry = journey.url();
        for (int width : new int[] {1280, 390}) {
            ProductApi api = journey.newOrganization("Acme People " + width);
            String connection = journey.connectApiToken(api);
            String actor = "557058:browser-actor-" + width;
            jira.data().accounts().add(actor, "actor." + width + "@acme.example", "Bea Busy");
            store(api.organizationId(), connection, actor, "Bea Busy", 3);

            browser.driver().manage().deleteAllCookies();
            browser.viewport(width, 844).loginAs(ferry, people.create(api.organizationId(), Role.ADMIN))
                    .open(ferry + "/admin");
            browser.click("People");
            assertThat(browser.path()).isEqualTo("/admin/people");
            var row = browser.find(By.cssSelector("tr[data-account-id='" + actor + "']"));
            assertThat(row.getText()).contains("Bea Busy").contains("3").contains("unknown");
            browser.click("Refresh Jira users");
            assertThat(browser.testId("flash").getText()).contains("Jira listed");
            row = browser.find(By.cssSelector("tr[data-account-id='" + actor + "']"));
            assertThat(row.getText()).contains("atlassian").contains("active");
            ConsoleLayoutBrowserTest.fitsAndShoot(browser, "people-unmapped-" + width);

            browser.find(By.id("map-id-" + actor)).sendKeys("u-bea");
            browser.click(By.cssSelector("tr[data-account-id='" + actor + "'] button[type=submit]"));
            assertThat(browser.testId("flash").getText()).contains("Added Bea Busy, mapped to " + actor);
            assertThat(browser.testId("people").getText()).contains("Bea Busy").contains("u-bea");
            assertThat(browser.findAll(By.cssSelector("[data-identity-state=RESOLVED]"))).hasSize(1);
            assertThat(browser.testId("unmapped-actors").getText()).contains("Every actor of this connection is mapped");

            browser.fill("Product id", "u-nobody").fill("Name", "Nora Nobody").fill("or email", "nora." + width + "@acme.example")
                    .click("Add person");
            assertThat(browser.find(By.cssSelector("[data-identity-state='EMAIL_UNKNOWN']")).getText())
                    .contains("No Jira account on " + jira.baseUrl());
            ConsoleLayoutBrowserTest.fitsAndShoot(browser, "people-" + width);

            browser.click(By.cssSelector("a[aria-label='Erase Bea Busy']"));
            assertThat(browser.testId("erase-person").getText()).contains("u-bea").contains("cannot be undone");
            ConsoleLayoutBrowserTest.fitsAndShoot(browser, "person-erase-" + width);
            browser.click(By.cssSelector("[data-testid='confirm-erase']"));
            assertThat(browser.testId("flash").getText()).contains("Erased: 1 identities, 3 activities");
            assertThat(browser.testId("people").getText()).doesNotContain("Bea Busy").contains("Nora Nobody");

            browser.driver().manage().deleteAllCookies();
            browser.loginAs(ferry, people.create(api.organizationId(), Role.MEMBER)).open(ferry + "/admin/people");
            assertThat(browser.testId("people").getText()).contains("Nora Nobody");
            assertThat(browser.findAll(By.cssSelector("[data-testid='add-person'], [data-testid='people-csv'],"
                    + " [data-testid='people'] form, [data-testid='unmapped'] form[method=post], a[href$='/erase']")))
                    .as("a Member changes nothing").isEmpty();
            ConsoleLayoutBrowserTest.fitsAndShoot(browser, "people-member-" + width);
        }
    }

    private void store(String organizationId, String connection, String accountId, String name, int count) {
        var site = context.getBean(SiteDirectory.class).callable(connection).orElseThrow();
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            activities.add(new Activity("browser:" + accountId + ":" + i, ActivityKind.ISSUE_UPDATED, accountId, name,
                    Instant.parse("2026-03-02T09:00:00Z").plusSeconds(i), "issue", "100" + i, "FERRY-" + i, "FERRY",
                    "A ticket", "{}", site.baseUrl() + "/browse/FERRY-" + i));
        }
        context.getBean(ActivityStore.class).store(new IngestTarget(organizationId, connection, site, Optional.empty()),
                activities);
    }
}
