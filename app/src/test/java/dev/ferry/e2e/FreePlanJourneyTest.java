package dev.ferry.e2e;

import static dev.ferry.e2e.ProductApi.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.Role;
import dev.ferry.support.ConsoleClient;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.support.ConfigurePageVisit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The experimentation product blocks sites on Jira's Free plan: an organization that turns "allow sites on Jira's
 * Free plan" off is refused such a site however it links it, told why, and the refusal is audited. Jira's plan is
 * read from {@code /rest/api/3/instance/license}; when Jira will not tell it, linking goes ahead.
 */
@FerryJourney
class FreePlanJourneyTest {

    static final String LICENSE = "/rest/api/3/instance/license";

    @Autowired
    People people;
    Journey journey;
    JiraSimulator jira;
    ProductApi acme;

    @BeforeEach
    void acmeBlocksFreeSitesAndTheSiteIsFree(Journey journey) {
        this.journey = journey;
        jira = journey.jira();
        acme = journey.newOrganization("Acme Experiments");
        ProductApi.Reply off = acme.patch("/api/v1/organization/settings", "{\"allowFreePlanSites\":false}");
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        jira.data().plan("FREE");
    }

    @Test
    void anInstalledFreeSiteIsRefusedAtTheRequestSayingWhyAndLinksOnceTheSettingAllowsIt() {
        assertThat(jira.site().install(journey.url()).status()).isEqualTo(204);
        String clientKey = jira.site().identity().clientKey();

        ProductApi.Reply asked = acme.post("/api/v1/sites", "{\"site\":\"" + clientKey + "\"}");

        refused(asked, 409, "is on Jira's Free plan (jira-servicedesk FREE, jira-software FREE)");
        assertThat(asked.json().path("title").asString()).isEqualTo("Site on Jira's Free plan");
        assertThat(asked.json().path("detail").asString()).contains("\"Allow sites on Jira's Free plan\" is off")
                .contains("An Admin of the organization can turn the setting on");
        assertThat(acme.get("/api/v1/sites").json().path("sites")).isEmpty();
        assertThat(acme.get("/api/v1/sites").json().path("requests")).isEmpty();
        JsonNode audit = acme.get("/api/v1/audit?action=SITE_LINK_REFUSED_FREE_PLAN").json().path("records");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("target").asString()).isEqualTo(clientKey);
        assertThat(audit.get(0).path("actor").asString()).startsWith("api-key:");

        assertThat(acme.patch("/api/v1/organization/settings", "{\"allowFreePlanSites\":true}").status()).isEqualTo(200);
        assertThat(journey.linkSite(acme)).isEqualTo(clientKey);
        journey.assertNoSpecViolations();
    }

    @Test
    void aSiteThatTurnedFreeWhileTheRequestWaitedIsRefusedAtTheConfirmationOnTheConfigurePage() {
        jira.data().plan("PAID");
        assertThat(jira.site().install(journey.url()).status()).isEqualTo(204);
        assertThat(acme.post("/api/v1/sites", "{\"site\":\"" + jira.site().identity().clientKey() + "\"}").status())
                .isEqualTo(202);
        jira.data().plan("FREE");

        ConfigurePageVisit after = ConfigurePageVisit.open(jira.site().configurePageUrl()).confirm(0);

        assertThat(after.body()).contains("Free plan, and the Ferry organization that asked").contains("Nothing was linked");
        assertThat(acme.get("/api/v1/sites").json().path("sites")).isEmpty();
        assertThat(acme.get("/api/v1/sites").json().path("requests")).as("still open, to confirm later").hasSize(1);
        assertThat(acme.get("/api/v1/audit?action=SITE_LINK_REFUSED_FREE_PLAN").json().path("records")).hasSize(1);
    }

    @Test
    void anApiTokenConnectionToAFreeSiteIsRefusedAndNothingIsStored() {
        jira.data().accounts().add(Journey.FILER_ID, Journey.FILER_EMAIL, "Fiona Filer");
        jira.credentials().addApiToken(Journey.FILER_EMAIL, Journey.FILER_TOKEN);
        String body = "{\"siteUrl\":\"" + jira.baseUrl() + "\",\"email\":\"" + Journey.FILER_EMAIL + "\",\"token\":\""
                + Journey.FILER_TOKEN + "\"}";

        ProductApi.Reply added = acme.post("/api/v1/connections", body);

        refused(added, 409, "is on Jira's Free plan");
        assertThat(acme.get("/api/v1/connections").json().toString()).doesNotContain(jira.baseUrl());
        JsonNode audit = acme.get("/api/v1/audit?action=SITE_LINK_REFUSED_FREE_PLAN").json().path("records");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("target").asString()).isEqualTo(jira.baseUrl());
        assertThat(journey.answered("GET", LICENSE)).isEqualTo(1);

        jira.data().plan("PAID");
        assertThat(acme.post("/api/v1/connections", body).status()).isEqualTo(201);
        journey.assertNoSpecViolations();
    }

    @Test
    void theConsoleFormForAnApiTokenSaysWhyAFreeSiteIsRefusedKeepingWhatWasTyped() {
        jira.data().accounts().add(Journey.FILER_ID, Journey.FILER_EMAIL, "Fiona Filer");
        jira.credentials().addApiToken(Journey.FILER_EMAIL, Journey.FILER_TOKEN);
        var manager = ConsoleClient.signIn(journey.port(), people.create(acme.organizationId(), Role.MANAGER));

        var refused = manager.post("/admin/connections", "siteUrl", jira.baseUrl(), "email", Journey.FILER_EMAIL,
                "token", Journey.FILER_TOKEN);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Free plan").contains("Nothing was linked").contains(Journey.FILER_EMAIL)
                .doesNotContain(Journey.FILER_TOKEN);
        assertThat(acme.get("/api/v1/connections").json().toString()).doesNotContain(jira.baseUrl());
    }

    @Test
    void anOAuthGrantWithoutALicenseScopeCannotReadThePlanSoTheSiteIsLinkedAnyway() {
        String connection = OAuthConnections.connect(journey, people, acme.organizationId());

        assertThat(connection).isNotBlank();
        assertThat(jira.calls()).filteredOn(call -> Journey.sitePath(call.path()).equals(LICENSE))
                .as("asked, and refused for the grant's scopes").hasSize(1)
                .allSatisfy(call -> assertThat(call.status()).isEqualTo(401));
        assertThat(acme.get("/api/v1/audit?action=SITE_LINK_REFUSED_FREE_PLAN").json().path("records")).isEmpty();
    }

    @Test
    void anOAuthGrantWithALicenseScopeReadsThePlanAndAFreeSiteIsRefusedSayingWhy() {
        OAuthConnections.registerClient(journey);
        People.Login person = people.create(acme.organizationId(), Role.ADMIN);
        var admin = ConsoleClient.signIn(journey.port(), person);
        // Asked as a deployment whose ferry.oauth.scopes adds read:license:jira would ask: every journey shares
        // one Ferry (one port, one context), so the setting itself cannot differ for this one test.
        String authorize = withScope(OAuthConnections.start(admin, null), "read:license:jira");

        var picked = OAuthConnections.pickTheSite(admin, OAuthConnections.consent(jira, authorize));

        assertThat(picked.statusCode()).as(picked.body()).isEqualTo(409);
        assertThat(picked.body()).contains("is on Jira&#39;s Free plan (jira-servicedesk FREE, jira-software FREE)")
                .contains("Nothing was linked");
        assertThat(jira.calls()).filteredOn(call -> Journey.sitePath(call.path()).equals(LICENSE))
                .as("the grant's license scope reaches the plan").hasSize(1)
                .allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
        assertThat(OAuthConnections.connectionIds(admin)).isEmpty();
        JsonNode audit = acme.get("/api/v1/audit?action=SITE_LINK_REFUSED_FREE_PLAN").json().path("records");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("actor").asString()).isEqualTo("user:" + person.email());
        journey.assertNoSpecViolations();
    }

    /** The authorization URL Ferry redirected to, asking for one scope more. */
    private static String withScope(String authorizeUrl, String scope) {
        String scopes = OAuthConnections.query(authorizeUrl).get("scope");
        assertThat(scopes).doesNotContain(scope);
        return authorizeUrl.replace("scope=" + java.net.URLEncoder.encode(scopes, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"), "scope=" + java.net.URLEncoder.encode(scopes + " " + scope,
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    }

    @Test
    void whereTheSettingAllowsFreeSitesJiraIsNotEvenAsked() {
        assertThat(acme.patch("/api/v1/organization/settings", "{\"allowFreePlanSites\":true}").status()).isEqualTo(200);

        journey.connectApiToken(acme);

        assertThat(journey.answered("GET", LICENSE)).isZero();
    }
}
