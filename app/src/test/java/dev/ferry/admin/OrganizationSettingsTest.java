package dev.ferry.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.Role;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organization's settings over the API (config:read, config:write) and on the console's Settings page (Admins
 * only): sites on Jira's Free plan are allowed until someone says otherwise, and each change is audited.
 */
@FerryIntegrationTest
class OrganizationSettingsTest {

    static final String PATH = "/api/v1/organization/settings";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;
    Http http;
    Organizations.Org acme;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        acme = organizations.create("Acme");
    }

    @Test
    void freePlanSitesAreAllowedByDefaultAndAPatchTurnsThemOffAudited() {
        assertThat(json(http.get(PATH, acme.auth())).path("allowFreePlanSites").asBoolean()).isTrue();

        HttpResponse<String> patched = http.patch(PATH, "{\"allowFreePlanSites\":false}", acme.auth());

        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).path("allowFreePlanSites").asBoolean()).isFalse();
        assertThat(json(http.get(PATH, acme.auth())).path("allowFreePlanSites").asBoolean()).isFalse();
        JsonNode audit = json(http.get("/api/v1/audit?action=ORGANIZATION_SETTINGS_UPDATED", acme.auth())).path("records");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("detail").asString()).isEqualTo("allow sites on Jira's Free plan true -> false");
        assertThat(json(http.get(PATH, organizations.create("Other").auth())).path("allowFreePlanSites").asBoolean())
                .as("another organization's setting is its own").isTrue();
    }

    @Test
    void aBodyWithoutTheSettingOrWithTextForItIsRefusedAndChangesNothing() {
        for (String body : new String[] {"{}", "{\"allowFreePlanSites\":null}", "{\"allowFreePlanSites\":\"no\"}"}) {
            HttpResponse<String> refused = http.patch(PATH, body, acme.auth());
            assertThat(refused.statusCode()).as(body + " " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(refused.body()).contains("allowFreePlanSites");
        }
        assertThat(json(http.get(PATH, acme.auth())).path("allowFreePlanSites").asBoolean()).isTrue();
    }

    @Test
    void readingTakesConfigReadAndChangingConfigWrite() {
        var reader = organizations.key(acme.id(), ApiScope.CONFIG_READ);
        var linker = organizations.key(acme.id(), ApiScope.LINKS_READ);

        assertThat(http.get(PATH, reader.auth()).statusCode()).isEqualTo(200);
        assertThat(http.patch(PATH, "{\"allowFreePlanSites\":false}", reader.auth()).statusCode()).isEqualTo(403);
        assertThat(http.get(PATH, linker.auth()).statusCode()).isEqualTo(403);
        assertThat(json(http.get(PATH, acme.auth())).path("allowFreePlanSites").asBoolean()).isTrue();
    }

    @Test
    void anAdminTurnsTheSettingOffAndOnInTheConsoleAndNobodyElseReachesThePage() {
        var admin = ConsoleClient.signIn(port, people.create(acme.id(), Role.ADMIN));

        assertThat(admin.get("/admin/settings").body()).contains("Allow sites on Jira's Free plan")
                .containsPattern("data-testid=\"allow-free-plan-sites\"\\s+checked");
        assertThat(admin.post("/admin/settings").statusCode()).as("unticked").isEqualTo(303);
        assertThat(admin.get("/admin/settings").body()).doesNotContainPattern("data-testid=\"allow-free-plan-sites\"\\s+checked")
                .contains("can no longer be linked");
        assertThat(json(http.get(PATH, acme.auth())).path("allowFreePlanSites").asBoolean()).isFalse();
        assertThat(admin.post("/admin/settings", "allowFreePlanSites", "true").statusCode()).isEqualTo(303);
        assertThat(json(http.get(PATH, acme.auth())).path("allowFreePlanSites").asBoolean()).isTrue();
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/settings\"");

        var manager = ConsoleClient.signIn(port, people.create(acme.id(), Role.MANAGER));
        assertThat(manager.get("/admin/settings").statusCode()).isEqualTo(403);
        assertThat(manager.post("/admin/settings").statusCode()).isEqualTo(403);
        assertThat(json(http.get(PATH, acme.auth())).path("allowFreePlanSites").asBoolean()).isTrue();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
