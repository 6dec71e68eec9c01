package dev.ferry.connectiontest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.Role;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.support.Browser;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** "Test connection" clicked on the connection's page in headless Chromium, at a laptop's and a phone's width. */
@FerryIntegrationTest
class ConnectionTestPageBrowserTest {

    @AutoClose
    static Browser browser = Browser.start();
    static final JiraSimulator jira = JiraSimulator.start();
    static final String EMAIL = "Dana@acme.example";
    static final String TOKEN = "ATATT3xFfGF0-classic-token-for-the-browser";

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;

    @AfterAll
    static void stop() {
        jira.close();
    }

    @Test
    void theTestReadsAsAListOfMarkedChecksOnALaptopAndAPhone() {
        jira.data().accounts().add("557058:dana", EMAIL, "Dana Scully");
        jira.credentials().addApiToken(EMAIL, TOKEN);
        Organizations.Org acme = organizations.create("Acme", ApiScope.CONFIG_READ, ApiScope.CONFIG_WRITE);
        String id = connection(acme);
        browser.loginAs(base(), people.create(acme.id(), Role.ADMIN));

        for (int width : new int[] {1280, 390}) {
            browser.width(width).open(base() + "/admin/connections/" + id);
            browser.testId("test-connection").click();
            browser.testId("connection-test-checks");

            assertThat(browser.testId("connection-test-account").getText()).contains("Dana Scully");
            assertThat(browser.findAll(By.cssSelector("[data-testid='connection-test-check']")))
                    .extracting(check -> check.getAttribute("data-check"))
                    .containsExactly("account", "default project", "tickets", "comments", "audit records");
            assertThat(browser.find(By.cssSelector("[data-check='audit records'] .lozenge")).getText()).isEqualToIgnoringCase("failed");
            assertThat((Long) browser.script("return document.documentElement.scrollWidth - window.innerWidth"))
                    .as("nothing wider than the screen at " + width + " px").isLessThanOrEqualTo(0L);
            browser.screenshotWholePage("connection-test-" + width);
        }
        browser.resetViewport();
        browser.testId("connection-test-back").click();
        assertThat(browser.path()).isEqualTo("/admin/connections/" + id);
        assertThat(browser.testId("test-connection").isDisplayed()).isTrue();
    }

    private String connection(Organizations.Org org) {
        String[] headers = java.util.Arrays.copyOf(org.auth(), org.auth().length + 2);
        headers[headers.length - 2] = "Content-Type";
        headers[headers.length - 1] = "application/json";
        HttpResponse<String> added = new Http(port).post("/api/v1/connections", "{\"siteUrl\":\"" + jira.baseUrl()
                + "\",\"email\":\"" + EMAIL + "\",\"token\":\"" + TOKEN + "\",\"defaultProject\":\"FERRY\"}", headers);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return JsonMapper.builder().build().readTree(added.body()).path("id").asString();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }
}
