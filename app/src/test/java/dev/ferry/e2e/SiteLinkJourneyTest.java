package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.fault.Fault;
import dev.ferry.simulator.rest.Users;
import dev.ferry.support.ConfigurePageVisit;
import dev.ferry.support.Eventually;
import dev.ferry.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Linking a site takes its Jira administrator: the organization asks over the product API, the
 * administrator sees the request on Ferry's configure page inside Jira (Jira itself says who administers
 * the site) and confirms or declines it, or hands over the one-time code. Nobody else, and no other site's
 * page, can. Every button's post redirects to the page saying what happened, so a reload posts nothing again.
 */
@FerryJourney
class SiteLinkJourneyTest {

    static final String PERMISSION_CHECK = "/rest/api/3/permissions/check";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Tokens tokens;
    Journey journey;
    JiraSimulator jira;
    JiraSimulator other;
    ProductApi acme;
    String clientKey;

    @BeforeEach
    void installedAndAsked(Journey journey) {
        this.journey = journey;
        jira = journey.jira();
        other = journey.otherJira();
        assertThat(jira.site().install(journey.url()).status()).isEqualTo(204);
        clientKey = jira.site().identity().clientKey();
        acme = journey.newOrganization("Acme Experiments");
    }

    @Test
    void aJiraAdministratorConfirmsTheRequestOnTheConfigurePage() {
        ProductApi.Reply asked = acme.post("/api/v1/sites", site(jira.baseUrl()));
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(asked.json().path("state").asString()).isEqualTo("PENDING");

        ConfigurePageVisit page = ConfigurePageVisit.open(jira.site().configurePageUrl());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Acme Experiments").contains("Asked by the API key \u201c")
                .doesNotContain("api-key:").doesNotContain("data-testid=\"same-name");
        assertThat(page.codes()).hasSize(1).allSatisfy(code -> assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}"));
        ConfigurePageVisit after = page.confirm(0);

        assertThat(after.postStatus()).isEqualTo(303);
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        assertThat(after.body()).contains("This site is now linked to Acme Experiments.");
        assertThat(after.reload().body()).contains("This site is now linked to Acme Experiments.");
        JsonNode sites = acme.get("/api/v1/sites").json();
        assertThat(sites.path("sites").get(0).path("clientKey").asString()).isEqualTo(clientKey);
        assertThat(sites.path("requests").size()).isZero();
        JsonNode audit = acme.get("/api/v1/audit?action=SITE_CONNECTED").json();
        assertThat(audit.toString()).contains(clientKey).contains("confirmed in Jira by administrator " + Users.ADMIN_ACCOUNT_ID);
        assertThat(jira.calls().stream().filter(call -> call.path().equals(PERMISSION_CHECK)).count()).isEqualTo(2);
        assertThat(sites.path("sites").get(0).path("lastInstalledAt").asString()).isNotBlank();
        assertThat(sites.path("sites").get(0).has("lastWebhookAt")).isFalse();
        jira.site().webhook("jira:issue_created", jira.admin().createIssue("FERRY", "Bug", "After the link"));
        Eventually.await(() -> acme.get("/api/v1/sites").json().path("sites").get(0).has("lastWebhookAt"));
        assertThat(acme.get("/api/v1/sites").json().path("sites").get(0).path("lastWebhookAt").asString()).isNotBlank();
    }

    @Test
    void twoOrganizationsOfOneNameAskingForTheSiteAreFlaggedToTheAdministrator() {
        ProductApi impostor = journey.newOrganization("ACME  experiments");
        ProductApi beta = journey.newOrganization("Beta");
        for (ProductApi organization : java.util.List.of(acme, impostor, beta)) {
            assertThat(organization.post("/api/v1/sites", site(clientKey)).status()).isEqualTo(202);
        }

        String page = ConfigurePageVisit.open(jira.site().configurePageUrl()).body();

        assertThat(page).contains("data-testid=\"same-name-warning\"")
                .contains("More than one organization asking to link this site is named Acme Experiments");
        assertThat(page.split("data-testid=\"same-name\"", -1)).hasSize(3);
        assertThat(page.substring(page.indexOf(">Beta<"))).doesNotContain("data-testid=\"same-name\"");
    }

    @Test
    void theCodeShownToTheAdministratorConfirmsThroughTheApi() {
        long id = acme.post("/api/v1/sites", site(clientKey)).json().path("id").asLong();
        String code = ConfigurePageVisit.open(jira.site().configurePageUrl()).codes().get(0);

        ProductApi.Reply confirmed = acme.post("/api/v1/sites/requests/" + id + "/confirm", "{\"code\":\"" + code + "\"}");

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("clientKey").asString()).isEqualTo(clientKey);
        assertThat(ConfigurePageVisit.open(jira.site().configurePageUrl()).body()).doesNotContain("link-code");
    }

    @Test
    void aUserWhoIsNoJiraAdministratorCanNeitherSeeTheCodeNorConfirm() {
        acme.post("/api/v1/sites", site(clientKey));
        String adminAction = ConfigurePageVisit.open(jira.site().configurePageUrl()).confirmActions().get(0);

        ConfigurePageVisit page = ConfigurePageVisit.open(jira.site().configurePageUrlForMember());
        String memberToken = jira.site().contextTokenOf(Users.MEMBER_ACCOUNT_ID);
        ConfigurePageVisit refused = ConfigurePageVisit.post(adminAction.replaceAll("jwt=.*", "jwt=" + memberToken));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Only a Jira administrator can").doesNotContain("link-code")
                .doesNotContain("<form");
        assertThat(refused.postStatus()).isEqualTo(303);
        assertThat(refused.body()).contains("Only a Jira administrator of this site can confirm or decline")
                .contains("data-testid=\"error\"");
        assertThat(jdbc.queryForObject("select count(*) from site_link", Integer.class)).isZero();
    }

    @Test
    void aPageOfOneSiteConfirmsNothingOnAnother() {
        assertThat(other.site().install(journey.url()).status()).isEqualTo(204);
        ProductApi beta = journey.newOrganization("Beta");
        long otherSiteRequest = acme.post("/api/v1/sites", site(other.baseUrl())).json().path("id").asLong();
        beta.post("/api/v1/sites", site(clientKey));
        String action = ConfigurePageVisit.open(jira.site().configurePageUrl()).confirmActions().get(0);

        ConfigurePageVisit replayed = ConfigurePageVisit.post(action.replaceAll("/requests/\\d+/", "/requests/"
                + otherSiteRequest + "/"));
        ConfigurePageVisit forged = ConfigurePageVisit.post(action.replaceAll("jwt=.*", "jwt="
                + tokens.context(clientKey, other.site().secret(), Users.ADMIN_ACCOUNT_ID)));

        assertThat(replayed.postStatus()).isEqualTo(303);
        assertThat(replayed.body()).contains("That request is no longer waiting");
        assertThat(forged.postStatus()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from site_link", Integer.class)).isZero();
        assertThat(acme.get("/api/v1/sites").json().path("requests").get(0).path("state").asString()).isEqualTo("PENDING");
    }

    @Test
    void aRequestMadeBeforeTheInstallWaitsForItThenForTheAdministrator() {
        ProductApi.Reply asked = acme.post("/api/v1/sites", site(other.baseUrl() + "/jira/your-work"));
        assertThat(asked.json().path("state").asString()).isEqualTo("AWAITING_INSTALL");
        assertThat(asked.json().path("descriptorUrl").asString()).isEqualTo(journey.url() + "/atlassian-connect.json");

        assertThat(other.site().install(journey.url()).status()).isEqualTo(204);

        assertThat(acme.get("/api/v1/sites").json().path("requests").get(0).path("state").asString()).isEqualTo("PENDING");
        assertThat(ConfigurePageVisit.confirmEveryRequest(other.site().configurePageUrl())).isEqualTo(1);
        assertThat(acme.get("/api/v1/sites").json().path("sites").get(0).path("clientKey").asString())
                .isEqualTo(other.site().identity().clientKey());
    }

    @Test
    void withNothingPendingThePageAsksJiraNothing() {
        ConfigurePageVisit page = ConfigurePageVisit.open(jira.site().configurePageUrl());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("Requests to link");
        assertThat(jira.calls()).noneMatch(call -> call.path().equals(PERMISSION_CHECK));
    }

    @Test
    void whenJiraCannotSayWhoAdministersTheSiteNothingIsShownOrConfirmed() {
        acme.post("/api/v1/sites", site(clientKey));
        String action = ConfigurePageVisit.open(jira.site().configurePageUrl()).confirmActions().get(0);
        jira.faults().add("POST", PERMISSION_CHECK, Fault.serverError(503), 100);

        ConfigurePageVisit page = ConfigurePageVisit.open(jira.site().configurePageUrl());
        ConfigurePageVisit refused = ConfigurePageVisit.post(action);

        assertThat(page.body()).contains("Jira did not say").doesNotContain("link-code");
        assertThat(refused.postStatus()).isEqualTo(303);
        assertThat(refused.body()).contains("Jira did not say whether you administer this site, so nothing changed.");
        assertThat(jdbc.queryForObject("select count(*) from site_link", Integer.class)).isZero();
    }

    @Test
    void aJiraAdministratorDeclinesTheRequestAndTheOrganizationSeesIt() {
        long id = acme.post("/api/v1/sites", site(clientKey)).json().path("id").asLong();
        ConfigurePageVisit page = ConfigurePageVisit.open(jira.site().configurePageUrl());
        assertThat(page.declineActions()).hasSize(1);

        ConfigurePageVisit after = page.decline(0);

        assertThat(after.postStatus()).isEqualTo(303);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.uri().getPath()).isEqualTo("/configure/done");
        assertThat(after.body()).contains("You declined the request from Acme Experiments. Nothing was linked")
                .doesNotContain("link-code").doesNotContain("data-testid=\"error\"");
        assertThat(jdbc.queryForObject("select state from site_link_request where id = ?", String.class, id))
                .isEqualTo("DECLINED");
        assertThat(jdbc.queryForObject("select count(*) from site_link", Integer.class)).isZero();
        assertThat(acme.get("/api/v1/sites").json().path("requests").size()).isZero();
        JsonNode audit = acme.get("/api/v1/audit?action=SITE_LINK_DECLINED").json();
        assertThat(audit.toString()).contains(clientKey).contains("jira:" + Users.ADMIN_ACCOUNT_ID)
                .contains("declined in Jira by administrator " + Users.ADMIN_ACCOUNT_ID);
    }

    @Test
    void reloadingThePageAfterADeclineDeclinesNothingElse() {
        acme.post("/api/v1/sites", site(clientKey));
        ConfigurePageVisit after = ConfigurePageVisit.open(jira.site().configurePageUrl()).decline(0);
        ProductApi beta = journey.newOrganization("Beta");
        long betas = beta.post("/api/v1/sites", site(clientKey)).json().path("id").asLong();

        ConfigurePageVisit reloaded = after.reload();

        assertThat(reloaded.status()).isEqualTo(200);
        assertThat(reloaded.body()).contains("You declined the request from Acme Experiments.").contains(">Beta<");
        assertThat(jdbc.queryForObject("select state from site_link_request where id = ?", String.class, betas))
                .isEqualTo("PENDING");
    }

    @Test
    void someoneWhoIsNoJiraAdministratorCannotDecline() {
        long id = acme.post("/api/v1/sites", site(clientKey)).json().path("id").asLong();
        String adminAction = ConfigurePageVisit.open(jira.site().configurePageUrl()).declineActions().get(0);

        ConfigurePageVisit refused = ConfigurePageVisit.post(adminAction.replaceAll("jwt=.*", "jwt="
                + jira.site().contextTokenOf(Users.MEMBER_ACCOUNT_ID)));

        assertThat(refused.postStatus()).isEqualTo(303);
        assertThat(refused.body()).contains("Only a Jira administrator of this site can confirm or decline");
        assertThat(jdbc.queryForObject("select state from site_link_request where id = ?", String.class, id))
                .isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select count(*) from audit_record where action = 'SITE_LINK_DECLINED'",
                Integer.class)).isZero();
    }

    static String site(String reference) {
        return "{\"site\":\"" + reference + "\"}";
    }
}
