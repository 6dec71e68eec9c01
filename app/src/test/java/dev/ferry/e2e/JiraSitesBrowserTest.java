package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.Role;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.support.Browser;
import dev.ferry.support.Organizations;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A product admin links the simulated Jira site in headless Chromium: signs in, enters the site's URL,
 * and the site's Jira administrator confirms on Ferry's configure page (the admin page's link to it in
 * Jira, opened in another tab of the same browser, where Jira frames it); the admin's page notices by
 * itself and shows the linked site.
 */
@FerryJourney
class JiraSitesBrowserTest {

    @AutoClose
    static Browser browser = Browser.start();

    @Autowired
    Organizations organizations;
    @Autowired
    People people;

    @Test
    void anAdminLinksTheSimulatedSiteWithItsJiraAdministratorsConfirmation(Journey journey) {
        JiraSimulator jira = journey.jira();
        String ferry = journey.url();
        assertThat(jira.site().install(ferry).status()).isEqualTo(204);
        var acme = organizations.create("Acme Experiments");
        browser.allowClipboard(ferry).allowClipboard(jira.baseUrl())
                .loginAs(ferry, people.create(acme.id(), Role.ADMIN));
        assertThat(browser.path()).isEqualTo("/admin");
        browser.click("Go to Jira sites");
        assertThat(browser.path()).isEqualTo("/admin/integrations/jira");
        assertThat(browser.testId("no-sites").getText()).contains("No Jira site is linked");

        browser.fill("Site URL or site ID", jira.baseUrl()).click("Connect");

        assertThat(browser.testId("flash").getText()).contains("A Jira administrator of the site now confirms it");
        assertThat(browser.testId("link-request").getAttribute("data-state")).isEqualTo("PENDING");
        browser.screenshot("integrations-jira-pending");
        String ferryTab = browser.driver().getWindowHandle();

        String configureInJira = browser.testId("configure-link").getAttribute("href");
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.open(configureInJira);
        assertThat(browser.title()).isEqualTo("Configure Ferry");
        browser.driver().switchTo().frame(browser.find(By.tagName("iframe")));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(driver -> !driver.findElements(By.cssSelector("[data-testid='link-requests']")).isEmpty());
        assertThat(browser.testId("link-requests").getText()).contains("Acme Experiments");
        String code = browser.testId("link-code").getText();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        var copy = browser.find(By.cssSelector("button[data-copy-target='link-code-" + code + "']"));
        copy.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(driver -> "Copied".equals(copy.getText()));
        // Jira's frame may not read the clipboard (permissions policy): the page around it, as a person pasting, does.
        browser.driver().switchTo().defaultContent();
        assertThat(browser.clipboard()).as("the code, ready to paste into Ferry").isEqualTo(code);
        browser.driver().switchTo().frame(browser.find(By.tagName("iframe")));
        browser.screenshot("configure-page");
        // Inside Jira's frame: the confirmation replaces the frame's page, not the tab's.
        browser.find(By.xpath("//button[contains(., 'Confirm link to Acme Experiments')]")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(driver -> !driver.findElements(By.cssSelector("[data-testid='notice']")).isEmpty());
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
