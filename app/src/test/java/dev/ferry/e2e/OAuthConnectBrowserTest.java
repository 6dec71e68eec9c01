package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.Role;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.support.Browser;
import dev.ferry.support.Organizations;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Connect with Atlassian" clicked in headless Chromium: Ferry's button, the simulated Atlassian consent page,
 * back to Ferry, the site picked, and the connection listed. Each page is saved at 1280 and 390 px as
 * {@code app/target/screenshots/oauth-<step>-<width>.png}.
 */
@FerryJourney
class OAuthConnectBrowserTest {

    static final List<Integer> WIDTHS = List.of(1280, 390);

    @AutoClose
    static Browser browser = Browser.start();

    @Autowired
    Organizations organizations;
    @Autowired
    People people;

    @Test
    void anAdminConnectsTheSiteWithAtlassianInTheBrowser(Journey journey) {
        JiraSimulator jira = journey.jira();
        String ferry = journey.url();
        OAuthConnections.registerClient(journey);
        var acme = organizations.create("Acme Experiments");
        browser.resetViewport().loginAs(ferry, people.create(acme.id(), Role.ADMIN));

        browser.open(ferry + "/admin/connections");
        assertThat(browser.testId("no-connections").getText()).contains("No connection yet");
        shoot("oauth-start");

        browser.click("Connect with Atlassian");
        assertThat(browser.driver().getCurrentUrl()).startsWith(jira.authUrl() + "/authorize?");
        assertThat(browser.title()).contains("is requesting access");
        shoot("oauth-consent");

        browser.click("Accept");
        assertThat(browser.path()).isEqualTo("/admin/connections/oauth/pick");
        assertThat(browser.testId("oauth-sites").getText()).contains(jira.baseUrl());
        shoot("oauth-pick");

        browser.click("Connect the ticked sites");
        // The console's list of connections: after the pick, the connection is shown there.
        assertThat(browser.path()).isEqualTo("/admin/connections");

        var row = browser.testId("connection");
        assertThat(row.getText()).contains(jira.baseUrl());
        assertThat(row.getAttribute("data-kind")).isEqualTo("oauth");
        assertThat(row.getAttribute("data-health")).isEqualTo("ok");
        assertThat(browser.findAll(By.cssSelector("[data-testid='connection']"))).hasSize(1);
        shoot("oauth-connected");
    }

    private static void shoot(String name) {
        for (int width : WIDTHS) {
            browser.width(width).screenshotWholePage(name + "-" + width);
        }
        browser.resetViewport();
    }
}
