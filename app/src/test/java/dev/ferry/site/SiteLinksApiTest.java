package dev.ferry.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.admin.ApiScope;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Installs;
import dev.ferry.support.Organizations;
import dev.ferry.support.Organizations.Org;
import dev.ferry.support.Tokens;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An organization connects the Jira sites Ferry is installed on, lists them and disconnects them. */
@FerryIntegrationTest
class SiteLinksApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CLIENT_KEY = "site-a-client-key";
    static final String SITE_URL = "https://siteaclientkey.atlassian.net";
    static final String SECRET = "first-shared-secret-that-is-long-enough-0001";

    @LocalServerPort
    int port;
    @Autowired
    Tokens tokens;
    @Autowired
    Organizations organizations;
    @Autowired
    JdbcTemplate jdbc;
    Http http;
    Org acme;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        acme = organizations.create("Acme");
        install(CLIENT_KEY);
    }

    @Test
    void aSiteIsConnectedByItsUrlAndListedWithItsInstallState() {
        var response = connect(acme, "HTTPS://SiteAClientKey.atlassian.net/");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode site = JSON.readTree(response.body());
        assertThat(site.path("clientKey").asString()).isEqualTo(CLIENT_KEY);
        JsonNode listed = JSON.readTree(http.get("/api/v1/sites", acme.auth()).body()).path("sites").get(0);
        assertThat(listed.path("clientKey").asString()).isEqualTo(CLIENT_KEY);
        assertThat(listed.path("baseUrl").asString()).isEqualTo(SITE_URL);
        assertThat(listed.path("state").asString()).isEqualTo("installed");
        assertThat(listed.path("installedAt").asString()).isNotBlank();
        assertThat(listed.path("updatedAt").asString()).isNotBlank();
        assertThat(listed.path("linkedAt").asString()).isNotBlank();
        assertThat(listed.path("linkedBy").asString()).isEqualTo("api-key:" + acme.keyId());
        assertThat(listed.path("credentials").path("state").asString()).isEqualTo("ok");
        assertThat(actions(acme)).containsExactly("SITE_CONNECTED");
    }

    @Test
    void aSiteIsFoundByItsSiteIdOrClientKeyToo() {
        install("site-b");
        var other = organizations.create("Beta");

        assertThat(connect(acme, "cloud-siteaclientkey").statusCode()).isEqualTo(201);
        assertThat(connect(other, "site-b").statusCode()).isEqualTo(201);
        assertThat(connect(other, "siteb.atlassian.net").statusCode()).isEqualTo(200);
    }

    @Test
    void connectingTheSameSiteAgainIsAnsweredWith200AndAuditedOnce() {
        connect(acme, SITE_URL);

        var again = connect(acme, CLIENT_KEY);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("clientKey").asString()).isEqualTo(CLIENT_KEY);
        assertThat(actions(acme)).containsExactly("SITE_CONNECTED");
    }

    @Test
    void aSiteOfAnotherOrganizationIsAConflict() {
        var beta = organizations.create("Beta");
        connect(beta, SITE_URL);

        assertProblem(connect(acme, SITE_URL), 409);
        assertThat(jdbc.queryForObject("select organization_id from site_link", String.class)).isEqualTo(beta.id());
    }

    @Test
    void aSiteWithoutFerryIsNotFound() {
        uninstall(CLIENT_KEY);

        for (String reference : List.of(SITE_URL, CLIENT_KEY, "https://never.atlassian.net", "no such thing", "::")) {
            var response = connect(acme, reference);
            assertProblem(response, 404);
            assertThat(response.body()).contains("not installed");
        }
        assertThat(jdbc.queryForObject("select count(*) from site_link", Integer.class)).isZero();
    }

    @Test
    void badConnectRequestsAreRefusedWith400() {
        for (String body : List.of("{}", "{\"site\":\"  \"}", "{\"site\":", "nope")) {
            assertProblem(http.post("/api/v1/sites", body, acme.auth()), 400);
        }
        assertThat(jdbc.queryForObject("select count(*) from site_link", Integer.class)).isZero();
    }

    @Test
    void disconnectingRemovesTheLinkAndIsAudited() {
        connect(acme, SITE_URL);

        assertThat(http.delete("/api/v1/sites/" + CLIENT_KEY, acme.auth()).statusCode()).isEqualTo(204);

        assertThat(JSON.readTree(http.get("/api/v1/sites", acme.auth()).body()).path("sites").size()).isZero();
        assertThat(actions(acme)).containsExactly("SITE_CONNECTED", "SITE_DISCONNECTED");
        assertProblem(http.delete("/api/v1/sites/" + CLIENT_KEY, acme.auth()), 404);
    }

    @Test
    void anotherOrganizationsSiteIsNeitherListedNorDisconnected() {
        var beta = organizations.create("Beta");
        connect(beta, SITE_URL);

        assertThat(JSON.readTree(http.get("/api/v1/sites", acme.auth()).body()).path("sites").size()).isZero();
        assertProblem(http.delete("/api/v1/sites/" + CLIENT_KEY, acme.auth()), 404);
        assertThat(jdbc.queryForObject("select count(*) from site_link", Integer.class)).isEqualTo(1);
    }

    @Test
    void readingAndWritingNeedTheirScopes() {
        var reader = organizations.key(acme.id(), ApiScope.CONFIG_READ);
        var nobody = organizations.key(acme.id(), ApiScope.EVENTS_WRITE);

        assertProblem(connect(reader, SITE_URL), 403);
        assertProblem(http.get("/api/v1/sites", nobody.auth()), 403);
        connect(acme, SITE_URL);
        assertProblem(http.delete("/api/v1/sites/" + CLIENT_KEY, reader.auth()), 403);
        assertThat(http.get("/api/v1/sites", reader.auth()).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from site_link", Integer.class)).isEqualTo(1);
    }

    @Test
    void jiraUninstallingALinkedSiteIsAuditedAsRevokedAndTheLinkStays() {
        connect(acme, SITE_URL);

        uninstall(CLIENT_KEY);

        assertThat(actions(acme)).containsExactly("SITE_CONNECTED", "SITE_REVOKED");
        JsonNode listed = JSON.readTree(http.get("/api/v1/sites", acme.auth()).body()).path("sites").get(0);
        assertThat(listed.path("state").asString()).isEqualTo("uninstalled");
        assertThat(listed.path("uninstalledAt").asString()).isNotBlank();
    }

    @Test
    void uninstallingAnUnlinkedSiteAuditsNothing() {
        uninstall(CLIENT_KEY);

        assertThat(jdbc.queryForObject("select count(*) from audit_record where action = 'SITE_REVOKED'", Integer.class))
                .isZero();
    }

    HttpResponse<String> connect(Org org, String site) {
        return http.post("/api/v1/sites", Installs.json(java.util.Map.of("site", site)), org.auth());
    }

    void install(String clientKey) {
        var response = http.postJwt("/lifecycle/installed", tokens.install(clientKey, "/lifecycle/installed"),
                Installs.installed(clientKey, SECRET));
        assertThat(response.statusCode()).isEqualTo(204);
    }

    void uninstall(String clientKey) {
        String path = "/lifecycle/uninstalled";
        var response = http.postJwt(path, tokens.install(clientKey, path), Installs.event("uninstalled", clientKey));
        assertThat(response.statusCode()).isEqualTo(204);
    }

    List<String> actions(Org org) {
        return jdbc.queryForList("select action from audit_record where organization_id = ? and action like 'SITE%' "
                + "order by id", String.class, org.id());
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }
}
