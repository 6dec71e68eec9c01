package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.Role;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.Organizations;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An Admin runs audit collectors from the console as the SIEM connector's page does: adds one with the site URL,
 * user name and API token, sees it in the table, tests it (Jira's 403 in words), pauses and resumes it, edits it,
 * and deletes it after a confirm step that says the stored records stay. Members see none of it; another
 * organization's collector is not found.
 */
@FerryJourney
class AuditCollectorConsoleJourneyTest {

    static final Pattern COLLECTOR = Pattern.compile("data-collector-id=\"([0-9a-f-]{36})\"");

    @Autowired
    Organizations organizations;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;

    Journey journey;
    JiraSimulator jira;
    Organizations.Org org;
    ConsoleClient admin;

    @BeforeEach
    void anAdminSignsIn(Journey journey) {
        this.journey = journey;
        jira = journey.jira();
        org = organizations.create("Acme Audit");
        admin = ConsoleClient.signIn(journey.port(), people.create(org.id(), Role.ADMIN));
        jira.data().accounts().add(Journey.FILER_ID, Journey.FILER_EMAIL, "Fiona Filer");
        jira.credentials().addApiToken(Journey.FILER_EMAIL, Journey.FILER_TOKEN);
    }

    @AfterEach
    void fionaIsAPlainUserAgain() {
        jira.data().grant(Journey.FILER_ID, "ADMINISTER", false);
    }

    @Test
    void anAdminAddsTestsPausesEditsAndDeletesACollectorWithTheSiemConnectorsThreeFields() {
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/audit-collectors\"");
        var refused = admin.post("/admin/audit-collectors", "siteUrl", jira.baseUrl(), "email", Journey.FILER_EMAIL,
                "apiToken", "ATATT3xFfGF0-wrong", "pollMinutes", "5");
        assertThat(refused.statusCode()).as("the connection room's answer to a token Jira rejects").isEqualTo(502);
        assertThat(refused.body()).contains("Authentication failed at Jira").contains("No audit collectors yet.")
                .doesNotContain("ATATT3xFfGF0-wrong");

        var added = admin.post("/admin/audit-collectors", "siteUrl", jira.baseUrl(), "email", Journey.FILER_EMAIL,
                "apiToken", Journey.FILER_TOKEN, "pollMinutes", "5", "filter", "permission");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        String list = admin.get("/admin/audit-collectors").body();
        String id = first(COLLECTOR, list);
        assertThat(list).contains("Collector added for " + jira.baseUrl()).contains(jira.baseUrl())
                .contains(Journey.FILER_EMAIL).contains("Running").contains("every 5 minutes")
                .contains("href=\"/admin/audit-collectors/" + id + "/sink\"").doesNotContain(Journey.FILER_TOKEN);

        assertThat(admin.post("/admin/audit-collectors/" + id + "/test").statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin/audit-collectors").body()).contains("The account " + Journey.FILER_EMAIL
                + " lacks the global permission Administer Jira, which Jira requires to read audit records.");
        jira.data().grant(Journey.FILER_ID, "ADMINISTER", true);
        admin.post("/admin/audit-collectors/" + id + "/test");
        assertThat(admin.get("/admin/audit-collectors").body())
                .containsPattern("Ferry can read audit records \\(\\d+ in the last day\\)\\.");

        admin.post("/admin/audit-collectors/" + id + "/pause");
        assertThat(admin.get("/admin/audit-collectors").body()).contains("Paused")
                .contains("/admin/audit-collectors/" + id + "/resume");
        admin.post("/admin/audit-collectors/" + id + "/resume");
        assertThat(admin.get("/admin/audit-collectors").body()).contains("Running");

        assertThat(admin.get("/admin/audit-collectors/" + id).body()).contains("value=\"permission\"");
        var tooShort = admin.post("/admin/audit-collectors/" + id, "pollMinutes", "0", "filter", "permission");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("at least 1 minute");
        assertThat(admin.post("/admin/audit-collectors/" + id, "pollMinutes", "15", "filter", "user").statusCode())
                .isEqualTo(303);
        assertThat(admin.get("/admin/audit-collectors").body()).contains("every 15 minutes");

        assertThat(admin.get("/admin/audit-collectors/" + id + "/delete").body())
                .contains("stay until retention removes them").contains("Delete collector");
        assertThat(admin.post("/admin/audit-collectors/" + id + "/delete").statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin/audit-collectors").body()).contains("No audit collectors yet.");
        String audit = admin.get("/admin/audit").body();
        assertThat(audit).contains("AUDIT_COLLECTOR_ADDED").contains("AUDIT_COLLECTOR_TESTED")
                .contains("AUDIT_COLLECTOR_DELETED").doesNotContain(Journey.FILER_TOKEN);
    }

    @Test
    void membersSeeNoCollectorsAndAnotherOrganizationsCollectorIsNotFound() {
        admin.post("/admin/audit-collectors", "siteUrl", jira.baseUrl(), "email", Journey.FILER_EMAIL,
                "apiToken", Journey.FILER_TOKEN);
        String id = first(COLLECTOR, admin.get("/admin/audit-collectors").body());

        ConsoleClient member = ConsoleClient.signIn(journey.port(), people.create(org.id(), Role.MEMBER));
        assertThat(member.get("/admin").body()).doesNotContain("href=\"/admin/audit-collectors\"");
        assertThat(member.get("/admin/audit-collectors").statusCode()).isEqualTo(403);
        assertThat(member.get("/admin/audit-collectors/" + id).statusCode()).isEqualTo(403);
        assertThat(member.post("/admin/audit-collectors/" + id + "/pause").statusCode()).isEqualTo(403);
        assertThat(member.post("/admin/audit-collectors/" + id + "/delete").statusCode()).isEqualTo(403);

        ConsoleClient manager = ConsoleClient.signIn(journey.port(), people.create(org.id(), Role.MANAGER));
        assertThat(manager.get("/admin/audit-collectors").body()).contains(jira.baseUrl());

        Organizations.Org other = organizations.create("Other");
        ConsoleClient stranger = ConsoleClient.signIn(journey.port(), people.create(other.id(), Role.ADMIN));
        assertThat(stranger.get("/admin/audit-collectors/" + id).statusCode()).isEqualTo(404);
        assertThat(stranger.post("/admin/audit-collectors/" + id + "/delete").statusCode()).isEqualTo(404);
        assertThat(stranger.post("/admin/audit-collectors/" + id + "/test").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select paused from audit_collector where id = ?").param(id).query(Boolean.class).single())
                .isFalse();
    }

    private static String first(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        assertThat(matcher.find()).as(page).isTrue();
        return matcher.group(1);
    }
}
