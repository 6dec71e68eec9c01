package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.Role;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.support.Browser;
import dev.ferry.support.Organizations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An admin connects the simulated site with an API token in headless Chromium, on a wide screen and on a phone:
 * a token Jira refuses is explained above the form with what was typed still there (but not the token), the
 * right one adds the connection, and the list shows it. Nothing reaches past a phone's right edge.
 */
@FerryJourney
class ConnectionsBrowserTest {

    static final String TOKEN = "ATATT3xFfGF0-browser-console-token";

    @AutoClose
    static Browser browser = Browser.start();

    @Autowired
    Organizations organizations;
    @Autowired
    People people;

    @AfterAll
    static void windowBackToItsSize() {
        browser.resetViewport();
    }

    @Test
    void anAdminAddsAnApiTokenConnectionThroughTheFormOnAWideScreenAndOnAPhone(Journey journey) {
        JiraSimulator jira = journey.jira();
        String ferry = journey.url();
        for (int width : new int[] {1280, 390}) {
            String email = "Erin." + width + "@acme.example";
            jira.data().accounts().add("557058:erin-" + width, email, "Erin Brockovich");
            jira.credentials().addApiToken(email, TOKEN);
            var org = organizations.create("Acme Connections " + width);
            browser.driver().manage().deleteAllCookies();
            browser.viewport(width, 844).loginAs(ferry, people.create(org.id(), Role.ADMIN))
                    .open(ferry + "/admin/connections");
            assertThat(browser.testId("no-connections").getText()).contains("No connection yet");
            assertThat(browser.testId("connect-with-atlassian").isEnabled()).as("OAuth is set up in journeys").isTrue();
            ConsoleLayoutBrowserTest.fitsAndShoot(browser, "connections-empty-" + width);

            browser.fill("Jira site URL", jira.baseUrl() + "/browse/FERRY-1").fill("Atlassian account email",
                    email.toLowerCase()).fill("API token", TOKEN).fill("Default project", "FERRY").click("Add connection");

            assertThat(browser.testId("form-error").getText()).contains("case-sensitive");
            assertThat(value("email")).isEqualTo(email.toLowerCase());
            assertThat(value("siteUrl")).isEqualTo(jira.baseUrl() + "/browse/FERRY-1");
            assertThat(value("defaultProject")).isEqualTo("FERRY");
            assertThat(value("token")).as("a refused token is not sent back").isEmpty();
            assertThat(browser.driver().getPageSource()).doesNotContain(TOKEN);
            ConsoleLayoutBrowserTest.fitsAndShoot(browser, "connections-refused-" + width);

            browser.fill("Atlassian account email", email).fill("API token", TOKEN).click("Add connection");

            assertThat(browser.path()).startsWith("/admin/connections/api-token-");
            assertThat(browser.testId("flash").getText()).contains("Connected " + jira.baseUrl() + " as Erin Brockovich")
                    .contains("reduced to " + jira.baseUrl());
            assertThat(browser.testId("health").getText()).isEqualTo("OK");
            assertThat(browser.driver().getPageSource()).doesNotContain(TOKEN);
            ConsoleLayoutBrowserTest.fitsAndShoot(browser, "connection-" + width);

            browser.click("All connections");
            var row = browser.testId("connection");
            assertThat(row.getAttribute("data-kind")).isEqualTo("api_token");
            assertThat(row.getText()).contains(jira.baseUrl()).contains("API token").contains("OK").contains(email);
            ConsoleLayoutBrowserTest.fitsAndShoot(browser, "connections-" + width);

            browser.click(By.cssSelector("[data-testid='connection'] a"));
            browser.click(By.cssSelector("[data-testid='delete']"));
            assertThat(browser.testId("what-stops").getText()).contains("No destination files tickets");
            ConsoleLayoutBrowserTest.fitsAndShoot(browser, "connection-delete-" + width);
        }
    }

    private static String value(String id) {
        return browser.find(By.id(id)).getAttribute("value");
    }
}
