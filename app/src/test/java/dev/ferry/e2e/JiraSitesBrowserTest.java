package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.Role;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.support.Browser;
import dev.ferry.support.CleanDatabase;
import dev.ferry.support.Organizations;
import dev.ferry.support.TestSupportConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A product admin links the simulated Jira site in headless Chromium: signs in, enters the site's URL,
 * and the site's Jira administrator confirms on Ferry's configure page (opened from its signed iframe URL
 * in another tab of the same browser); the admin's page notices by itself and shows the linked site.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@Import(TestSupportConfig.class)
@ExtendWith(CleanDatabase.class)
class JiraSitesBrowserTest {

    static final JiraSimulator jira = JiraSimulator.start();
    static final int PORT = FerryBesideJira.freePort();
    static final String FERRY = FerryBesideJira.baseUrl(PORT);

    @AutoClose
    static Browser browser = Browser.start();

    @Autowired
    Organizations organizations;
    @Autowired
    People people;

    @DynamicPropertySource
    static void ferryTalksToTheSimulator(DynamicPropertyRegistry registry) {
        FerryBesideJira.register(registry, jira, PORT);
    }

    @AfterAll
    static void stopSimulator() {
        jira.close();
    }

    @Test
    void anAdminLinksTheSimulatedSiteWithItsJiraAdministratorsConfirmation() {
        assertThat(jira.site().install(FERRY).status()).isEqualTo(204);
        var acme = organizations.create("Acme Experiments");
        browser.allowClipboard(FERRY).loginAs(FERRY, people.create(acme.id(), Role.ADMIN));
        assertThat(browser.path()).isEqualTo("/admin");
        browser.click("Go to Jira sites");
        assertThat(browser.path()).isEqualTo("/admin/integrations/jira");
        assertThat(browser.testId("no-sites").getText()).contains("No Jira site is linked");

        browser.fill("Site URL or site ID", jira.baseUrl()).click("Connect");

        assertThat(browser.testId("flash").getText()).contains("A Jira administrator of the site now confirms it");
        assertThat(browser.testId("link-request").getAttribute("data-state")).isEqualTo("PENDING");
        browser.screenshot("integrations-jira-pending");
        String ferryTab = browser.driver().getWindowHandle();

        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.open(jira.site().configurePageUrl());
        assertThat(browser.testId("link-requests").getText()).contains("Acme Experiments");
        String code = browser.testId("link-code").getText();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        var copy = browser.find(By.cssSelector("button[data-copy-target='link-code-" + code + "']"));
        copy.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(driver -> "Copied".equals(copy.getText()));
        assertThat(browser.clipboard()).as("the code, ready to paste into Ferry").isEqualTo(code);
        browser.screenshot("configure-page");
        browser.click("Confirm link to Acme Experiments");
        assertThat(browser.testId("notice").getText()).isEqualTo("This site is now linked to Acme Experiments.");
        browser.driver().close();

        browser.driver().switchTo().window(ferryTab);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(driver -> !driver.findElements(By.cssSelector("[data-testid='site-card']")).isEmpty());
        assertThat(browser.testId("site-card").getText()).contains(jira.baseUrl()).containsIgnoringCase("Installed and enabled")
                .contains("Last webhook received");
        assertThat(browser.findAll(By.cssSelector("[data-testid='link-request']"))).isEmpty();
        browser.screenshot("integrations-jira");
    }
}
