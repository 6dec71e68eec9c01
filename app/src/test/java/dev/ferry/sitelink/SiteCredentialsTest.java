package dev.ferry.sitelink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sitelink.SiteLinking;
import dev.ferry.sitelink.SiteLinks;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Installs;
import dev.ferry.support.Organizations;
import dev.ferry.support.Organizations.Org;
import dev.ferry.support.Tokens;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Whom a site works for, and how a site whose credentials Jira rejected comes back after a re-install. */
@FerryIntegrationTest
class SiteCredentialsTest {

    static final String CLIENT_KEY = "site-a-client-key";
    static final String SECRET = "first-shared-secret-that-is-long-enough-0001";
    static final String ROTATED = "second-shared-secret-that-is-long-enough-002";

    @LocalServerPort
    int port;
    @Autowired
    Tokens tokens;
    @Autowired
    Organizations organizations;
    @Autowired
    SiteLinks links;
    @Autowired
    SiteLinking linking;
    @Autowired
    JdbcClient jdbc;
    Http http;
    Org acme;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        acme = organizations.create("Acme");
        install(SECRET);
        linking.link(acme.id(), CLIENT_KEY);
    }

    @Test
    void aLinkedSiteWorksForItsOrganization() {
        assertThat(links.organizationOf(CLIENT_KEY)).contains(acme.id());
        assertThat(links.organizationOf("unlinked")).isEmpty();
    }

    @Test
    void credentialsAreUsableUntilJiraRejectsThem() {
        assertThat(links.credentialsUsable(CLIENT_KEY)).isTrue();
        assertThat(links.credentialsUsable("unlinked")).isTrue();

        links.credentialsRejected(CLIENT_KEY, "Client must be authenticated to access this resource.");

        assertThat(links.credentialsUsable(CLIENT_KEY)).isFalse();
        JsonNode credentials = listed().path("credentials");
        assertThat(credentials.path("state").asString()).isEqualTo("rejected");
        assertThat(credentials.path("message").asString()).isEqualTo("Client must be authenticated to access this resource.");
    }

    @Test
    void aReinstallAfterTheRejectionMakesThemUsableAgain() throws InterruptedException {
        links.credentialsRejected(CLIENT_KEY, "401 Unauthorized");
        Thread.sleep(5);

        install(ROTATED);

        assertThat(listed().path("credentials").path("state").asString()).isEqualTo("ok");
        assertThat(links.credentialsUsable(CLIENT_KEY)).isTrue();
        links.credentialsRejected(CLIENT_KEY, "401 again");
        assertThat(links.credentialsUsable(CLIENT_KEY)).isFalse();
    }

    @Test
    void aRejectionDatedInTheFutureByASkewedClockIsClearedByTheNextReinstall() {
        links.credentialsRejected(CLIENT_KEY, "401 Unauthorized");
        jdbc.sql("update site_link set credentials_rejected_at = ? where client_key = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5), CLIENT_KEY).update();

        install(ROTATED);

        assertThat(links.credentialsUsable(CLIENT_KEY)).isTrue();
        assertThat(listed().path("credentials").path("state").asString()).isEqualTo("ok");
    }

    @Test
    void theRejectionIsDatedByTheDatabaseClock() {
        links.credentialsRejected(CLIENT_KEY, "401 Unauthorized");

        var dated = jdbc.sql("select credentials_rejected_at <= current_timestamp from site_link where client_key = ?")
                .param(CLIENT_KEY).query(Boolean.class).single();
        assertThat(dated).isTrue();
    }

    @Test
    void aVeryLongJiraMessageIsCutToFit() {
        links.credentialsRejected(CLIENT_KEY, "x".repeat(10_000));

        assertThat(listed().path("credentials").path("message").asString()).hasSize(SiteLinks.MAX_ERROR);
    }

    JsonNode listed() {
        return JsonMapper.builder().build().readTree(http.get("/api/v1/sites", acme.auth()).body()).path("sites").get(0);
    }

    void install(String secret) {
        var response = http.postJwt("/lifecycle/installed", tokens.install(CLIENT_KEY, "/lifecycle/installed"),
                Installs.installed(CLIENT_KEY, secret));
        assertThat(response.statusCode()).isEqualTo(204);
    }
}
