package dev.ferry.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.Role;
import dev.ferry.support.Browser;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The API keys page in headless Chromium: a new key is shown once, then only by its prefix, and revoked. */
@FerryIntegrationTest
class KeysPageBrowserTest {

    @AutoClose
    static Browser browser = Browser.start();

    @LocalServerPort
    int port;
    @Autowired
    People people;
    @Autowired
    Organizations organizations;

    String base() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    void theNewKeysCopyButtonPutsTheKeyOnTheClipboard() {
        String orgId = organizations.create("Acme").id();
        browser.width(390).allowClipboard(base()).loginAs(base(), people.create(orgId, Role.ADMIN));
        browser.open(base() + "/admin/api-keys");
        browser.fill("Name", "Phone bot");
        browser.find(By.id("scope-events:write")).click();
        browser.click("Create key");
        String key = browser.find(By.cssSelector("[data-testid='new-api-key'] code.secret")).getText();
        WebElement copy = browser.find(By.cssSelector("[data-testid='new-api-key'] button.copy"));
        assertThat(copy.isDisplayed()).as("copy.js shows the button").isTrue();
        assertThat(copy.getAttribute("data-copy-target")).isEqualTo("new-key");

        copy.click();

        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> copy.getAttribute("data-copy-state") != null);
        assertThat(copy.getText()).isEqualTo("Copied");
        assertThat(browser.clipboard()).isEqualTo(key);
        browser.screenshot("api-key-copied-390");
        browser.resetViewport();
    }

    @Test
    void anAdminCreatesAKeySeesItOnceAndThenOnlyItsPrefix() {
        String orgId = organizations.create("Acme").id();
        browser.loginAs(base(), people.create(orgId, Role.ADMIN));
        browser.click("API keys");
        assertThat(browser.path()).isEqualTo("/admin/api-keys");
        assertThat(browser.find(By.cssSelector("[aria-current=page]")).getText()).isEqualTo("API keys");
        assertThat(browser.findAll(By.cssSelector("input[name=scopes]"))).as("every scope, none ticked")
                .hasSize(ApiScope.values().length).noneMatch(box -> box.isSelected());

        browser.fill("Name", "Deploy bot").click("Create key");
        assertThat(browser.testId("api-keys-error").getText()).isEqualTo(KeysPage.NO_SCOPE);
        browser.find(By.id("scope-events:write")).click();
        browser.find(By.id("scope-config:read")).click();
        browser.click("Create key");

        String key = browser.find(By.cssSelector("[data-testid='new-api-key'] code.secret")).getText();
        assertThat(key).startsWith("fy_").hasSize(3 + 8 + 1 + 43);
        assertThat(browser.testId("new-api-key").getText()).contains("never again");
        browser.screenshot("api-keys");
        assertThat(new Http(port).get("/api/v1/event-types", "Authorization", "Bearer " + key).statusCode())
                .isEqualTo(200);

        browser.open(base() + "/admin/api-keys");
        assertThat(browser.findAll(By.cssSelector("code.secret"))).as("shown once").isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(key.substring(12));
        String prefix = key.substring(0, 12) + "…";
        var row = browser.find(By.xpath("//tr[td[normalize-space()='Deploy bot']]"));
        assertThat(row.getText()).contains(prefix).contains("events:write");

        row.findElement(By.linkText("Revoke")).click();
        assertThat(browser.testId("confirm-revoke").getText()).contains("Deploy bot").contains(prefix);
        browser.screenshot("api-key-revoke");
        browser.click("Revoke key");
        assertThat(browser.testId("flash").getText()).contains("API key revoked");
        assertThat(browser.find(By.xpath("//tr[td[normalize-space()='Deploy bot']]")).findElements(By.linkText("Revoke")))
                .isEmpty();
        assertThat(new Http(port).get("/api/v1/event-types", "Authorization", "Bearer " + key).statusCode())
                .isEqualTo(401);
    }
}
