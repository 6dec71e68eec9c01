package dev.ferry.connectiontest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.Role;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's "Test connection": an Admin or Manager posts the form and sees the account and one line per
 * check with its mark, and the way back to the connection; a Member may not, nor a form without its CSRF token.
 */
@FerryIntegrationTest
class ConnectionTestPageTest {

    static final JiraSimulator jira = JiraSimulator.start();
    static final String EMAIL = "Dana@acme.example";
    static final String TOKEN = "ATATT3xFfGF0-classic-token-for-the-console";

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;

    Organizations.Org acme;
    String id;

    @BeforeEach
    void acmeHasAnApiTokenConnection() {
        jira.reset();
        jira.data().accounts().add("557058:dana", EMAIL, "Dana Scully");
        jira.credentials().addApiToken(EMAIL, TOKEN);
        acme = organizations.create("Acme", ApiScope.CONFIG_READ, ApiScope.CONFIG_WRITE);
        HttpResponse<String> added = new Http(port).post("/api/v1/connections", "{\"siteUrl\":\"" + jira.baseUrl()
                + "\",\"email\":\"" + EMAIL + "\",\"token\":\"" + TOKEN + "\",\"defaultProject\":\"FERRY\"}",
                concat(acme.auth(), "Content-Type", "application/json"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        id = JsonMapper.builder().build().readTree(added.body()).path("id").asString();
    }

    @AfterEach
    void everyCallFollowedTheSpec() {
        jira.assertNoSpecViolations();
    }

    @AfterAll
    static void stop() {
        jira.close();
    }

    @Test
    void aManagerSeesTheAccountAndOneMarkedLinePerCheck() {
        var console = ConsoleClient.signIn(port, people.create(acme.id(), Role.MANAGER));

        HttpResponse<String> page = console.post("/admin/connections/" + id + "/test");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Dana Scully").contains("557058:dana")
                .contains("data-check=\"account\" data-ok=\"true\"")
                .contains("data-check=\"default project\" data-ok=\"true\"")
                .contains("data-check=\"tickets\" data-ok=\"true\"")
                // A plain user is no Jira administrator: the audit-records line fails and says what to grant.
                .contains("data-check=\"audit records\" data-ok=\"false\"").contains(">failed<")
                .contains("Administer Jira (ADMINISTER)")
                .contains("href=\"/admin/connections/" + id + "\"").doesNotContain(TOKEN);
    }

    @Test
    void aRevokedTokenIsShownInThePersonsWords() {
        jira.credentials().revokeApiToken(EMAIL);
        var console = ConsoleClient.signIn(port, people.create(acme.id(), Role.ADMIN));

        HttpResponse<String> page = console.post("/admin/connections/" + id + "/test");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-check=\"account\" data-ok=\"false\"").contains("case-sensitive")
                .contains("Jira did not say");
    }

    @Test
    void aMemberMayNotTestAndNeitherMayAFormWithoutItsToken() {
        int before = jira.calls().size();
        var member = ConsoleClient.signIn(port, people.create(acme.id(), Role.MEMBER));
        assertThat(member.post("/admin/connections/" + id + "/test").statusCode()).isEqualTo(403);

        var admin = ConsoleClient.signIn(port, people.create(acme.id(), Role.ADMIN));
        assertThat(admin.postWithoutCsrf("/admin/connections/" + id + "/test").statusCode()).isEqualTo(403);
        assertThat(jira.calls()).hasSize(before);
    }

    @Test
    void anotherOrganizationsConnectionIsNotFound() {
        var other = ConsoleClient.signIn(port, people.create(organizations.create("Other").id(), Role.ADMIN));

        assertThat(other.post("/admin/connections/" + id + "/test").statusCode()).isEqualTo(404);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
