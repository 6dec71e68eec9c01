package dev.ferry.sitelink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.principal.ApiScope;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Installs;
import dev.ferry.support.Organizations;
import dev.ferry.support.Organizations.Org;
import dev.ferry.support.Tokens;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organization asks to link a Jira site through the product API; nothing is linked until the one-time
 * code a Jira administrator was shown comes back (the confirmation inside Jira is in {@code SiteLinkJourneyTest}).
 */
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
    SiteLinking linking;
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
    void askingForAnInstalledSiteOpensAPendingRequestAndLinksNothing() {
        var response = request(acme, "HTTPS://SiteAClientKey.atlassian.net/");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode request = JSON.readTree(response.body());
        assertThat(request.path("state").asString()).isEqualTo("PENDING");
        assertThat(request.path("clientKey").asString()).isEqualTo(CLIENT_KEY);
        assertThat(request.path("siteUrl").asString()).isEqualTo(SITE_URL);
        assertThat(request.path("configurePageUrl").asString())
                .isEqualTo(SITE_URL + "/plugins/servlet/ac/ferry-for-jira/ferry-configure");
        assertThat(response.body()).doesNotContainIgnoringCase("code\"");
        JsonNode listed = list(acme);
        assertThat(listed.path("sites").size()).isZero();
        assertThat(listed.path("requests").get(0).path("id").asLong()).isEqualTo(request.path("id").asLong());
        assertThat(count("site_link")).isZero();
        assertThat(actions(acme)).isEmpty();
    }

    @Test
    void aRequestTheJiraAdministratorDeclinedIsListedAsDeclinedUntilTheOrganizationAsksAgain() {
        long id = JSON.readTree(request(acme, SITE_URL).body()).path("id").asLong();

        linking.decline(id);

        JsonNode listed = list(acme);
        assertThat(listed.path("requests").size()).isZero();
        assertThat(listed.path("declined").size()).isOne();
        assertThat(listed.path("declined").get(0).path("id").asLong()).isEqualTo(id);
        assertThat(listed.path("declined").get(0).path("siteUrl").asString()).isEqualTo(SITE_URL);
        assertThat(listed.path("declined").get(0).path("declinedAt").isMissingNode()).isFalse();

        assertThat(request(acme, SITE_URL).statusCode()).isEqualTo(202);
        assertThat(list(acme).path("declined").size()).as("asked again: the decline is history").isZero();
    }

    @Test
    void askingTwiceForOneSiteAnswersTheSameRequest() {
        long first = JSON.readTree(request(acme, SITE_URL).body()).path("id").asLong();

        var again = request(acme, CLIENT_KEY);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(again.body()).path("id").asLong()).isEqualTo(first);
        assertThat(count("site_link_request")).isEqualTo(1);
    }

    @Test
    void theCodeShownInJiraConfirmsTheRequestOnceAndTheConnectionIsAudited() {
        long id = JSON.readTree(request(acme, SITE_URL).body()).path("id").asLong();
        String code = linking.issueCode(id);

        var confirmed = confirm(acme, id, code.toLowerCase().replace("-", " "));

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(JSON.readTree(confirmed.body()).path("clientKey").asString()).isEqualTo(CLIENT_KEY);
        JsonNode listed = list(acme);
        assertThat(listed.path("requests").size()).isZero();
        JsonNode site = listed.path("sites").get(0);
        assertThat(site.path("clientKey").asString()).isEqualTo(CLIENT_KEY);
        assertThat(site.path("state").asString()).isEqualTo("installed");
        assertThat(site.path("linkedBy").asString()).isEqualTo("api-key:" + acme.keyId());
        assertThat(site.path("credentials").path("state").asString()).isEqualTo("ok");
        assertThat(actions(acme)).containsExactly("SITE_CONNECTED");
        assertThat(jdbc.queryForObject("select confirmed_by from site_link_request", String.class)).isEqualTo("code");
        assertProblem(confirm(acme, id, code), 409);
        assertThat(request(acme, SITE_URL).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongCodeIsRefusedAndTheFifthCancelsTheRequest() {
        long id = JSON.readTree(request(acme, SITE_URL).body()).path("id").asLong();
        String code = linking.issueCode(id);

        for (int i = 1; i < 5; i++) {
            var wrong = confirm(acme, id, "AAAA-AAAA");
            assertProblem(wrong, 400);
            assertThat(wrong.body()).contains((5 - i) + " tries left");
        }
        var fifth = confirm(acme, id, "AAAA-AAAA");

        assertProblem(fifth, 409);
        assertThat(fifth.body()).contains("cancelled");
        assertProblem(confirm(acme, id, code), 409);
        assertThat(jdbc.queryForObject("select state from site_link_request", String.class)).isEqualTo("CANCELLED");
        assertThat(count("site_link")).isZero();
    }

    @Test
    void anExpiredCodeOrNoCodeAtAllLinksNothing() {
        long id = JSON.readTree(request(acme, SITE_URL).body()).path("id").asLong();
        assertProblem(confirm(acme, id, "ABCD-EFGH"), 400);
        String code = linking.issueCode(id);
        jdbc.update("update site_link_request set code_expires_at = code_expires_at - interval '31' minute");

        var expired = confirm(acme, id, code);

        assertProblem(expired, 400);
        assertThat(expired.body()).contains("expired");
        assertProblem(confirm(acme, id, ""), 400);
        assertThat(count("site_link")).isZero();
    }

    @Test
    void anExpiredRequestIsNoLongerListedNorConfirmed() {
        long id = JSON.readTree(request(acme, SITE_URL).body()).path("id").asLong();
        String code = linking.issueCode(id);
        jdbc.update("update site_link_request set expires_at = requested_at");

        assertThat(list(acme).path("requests").size()).isZero();
        assertProblem(confirm(acme, id, code), 409);
        assertThat(jdbc.queryForObject("select state from site_link_request", String.class)).isEqualTo("EXPIRED");
    }

    @Test
    void aSiteLinkedToAnotherOrganizationCannotBeRequested() {
        var beta = organizations.create("Beta");
        linking.link(beta.id(), CLIENT_KEY);

        var response = request(acme, SITE_URL);

        assertProblem(response, 409);
        assertThat(response.body()).contains("linked to another organization");
        assertThat(jdbc.queryForObject("select organization_id from site_link", String.class)).isEqualTo(beta.id());
    }

    @Test
    void confirmingOneOrganizationsRequestClosesTheOthersForThatSite() {
        var beta = organizations.create("Beta");
        long betaRequest = JSON.readTree(request(beta, SITE_URL).body()).path("id").asLong();
        String betaCode = linking.issueCode(betaRequest);

        linking.link(acme.id(), CLIENT_KEY);

        assertProblem(confirm(beta, betaRequest, betaCode), 409);
        assertThat(list(beta).path("requests").size()).isZero();
        assertThat(jdbc.queryForObject("select organization_id from site_link", String.class)).isEqualTo(acme.id());
    }

    @Test
    void textThatNamesNoSiteIsNotFoundAndBadBodiesAre400() {
        for (String reference : List.of("no such thing", "::", "site-b", "unknown-client-key")) {
            assertProblem(request(acme, reference), 404);
        }
        for (String body : List.of("{}", "{\"site\":\"  \"}", "{\"site\":", "nope")) {
            assertProblem(http.post("/api/v1/sites", body, acme.auth()), 400);
        }
        assertThat(count("site_link_request")).isZero();
    }

    @Test
    void anotherOrganizationsRequestIsUnknownToConfirmAndCancel() {
        var beta = organizations.create("Beta");
        long id = JSON.readTree(request(beta, SITE_URL).body()).path("id").asLong();
        String code = linking.issueCode(id);

        assertProblem(confirm(acme, id, code), 404);
        assertProblem(http.delete("/api/v1/sites/requests/" + id, acme.auth()), 404);
        assertThat(list(acme).path("requests").size()).isZero();
        assertThat(jdbc.queryForObject("select state from site_link_request", String.class)).isEqualTo("PENDING");
    }

    @Test
    void aRequestCanBeCancelled() {
        long id = JSON.readTree(request(acme, SITE_URL).body()).path("id").asLong();

        assertThat(http.delete("/api/v1/sites/requests/" + id, acme.auth()).statusCode()).isEqualTo(204);

        assertThat(list(acme).path("requests").size()).isZero();
        assertProblem(http.delete("/api/v1/sites/requests/" + id, acme.auth()), 409);
    }

    @Test
    void aSiteWithoutFerryWaitsForItsInstallThenWaitsForItsAdministrator() {
        var response = request(acme, "https://later.atlassian.net");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode waiting = JSON.readTree(response.body());
        assertThat(waiting.path("state").asString()).isEqualTo("AWAITING_INSTALL");
        assertThat(waiting.path("descriptorUrl").asString()).endsWith("/atlassian-connect.json");
        assertThat(waiting.path("configurePageUrl").isMissingNode() || waiting.path("configurePageUrl").isNull()).isTrue();
        assertProblem(confirm(acme, waiting.path("id").asLong(), "ABCD-EFGH"), 409);

        install("later");

        JsonNode pending = list(acme).path("requests").get(0);
        assertThat(pending.path("state").asString()).isEqualTo("PENDING");
        assertThat(pending.path("clientKey").asString()).isEqualTo("later");
        assertThat(count("site_link")).isZero();
    }

    @Test
    void aSiteIdWaitsForTheSiteWithThatCloudId() {
        String cloudId = "35273b54-3f06-40d2-880f-dd28cf8daafa";
        assertThat(JSON.readTree(request(acme, cloudId.toUpperCase()).body()).path("state").asString())
                .isEqualTo("AWAITING_INSTALL");
        Map<String, Object> body = Installs.fields("installed", "by-cloud-id", SECRET);
        body.put("cloudId", cloudId);

        var installed = http.postJwt("/lifecycle/installed", tokens.install("by-cloud-id", "/lifecycle/installed"),
                Installs.json(body));

        assertThat(installed.statusCode()).isEqualTo(204);
        assertThat(list(acme).path("requests").get(0).path("clientKey").asString()).isEqualTo("by-cloud-id");
    }

    @Test
    void disconnectingRemovesTheLinkAndIsAudited() {
        linking.link(acme.id(), CLIENT_KEY);

        assertThat(http.delete("/api/v1/sites/" + CLIENT_KEY, acme.auth()).statusCode()).isEqualTo(204);

        assertThat(list(acme).path("sites").size()).isZero();
        assertThat(actions(acme)).containsExactly("SITE_CONNECTED", "SITE_DISCONNECTED");
        assertProblem(http.delete("/api/v1/sites/" + CLIENT_KEY, acme.auth()), 404);
    }

    @Test
    void anotherOrganizationsSiteIsNeitherListedNorDisconnected() {
        var beta = organizations.create("Beta");
        linking.link(beta.id(), CLIENT_KEY);

        assertThat(list(acme).path("sites").size()).isZero();
        assertProblem(http.delete("/api/v1/sites/" + CLIENT_KEY, acme.auth()), 404);
        assertThat(count("site_link")).isEqualTo(1);
    }

    @Test
    void readingAndWritingNeedTheirScopes() {
        var reader = organizations.key(acme.id(), ApiScope.CONFIG_READ);
        var nobody = organizations.key(acme.id(), ApiScope.EVENTS_WRITE);

        assertProblem(request(reader, SITE_URL), 403);
        assertProblem(http.get("/api/v1/sites", nobody.auth()), 403);
        long id = JSON.readTree(request(acme, SITE_URL).body()).path("id").asLong();
        assertProblem(confirm(reader, id, linking.issueCode(id)), 403);
        assertProblem(http.delete("/api/v1/sites/requests/" + id, reader.auth()), 403);
        linking.link(acme.id(), CLIENT_KEY);
        assertProblem(http.delete("/api/v1/sites/" + CLIENT_KEY, reader.auth()), 403);
        assertThat(http.get("/api/v1/sites", reader.auth()).statusCode()).isEqualTo(200);
        assertThat(count("site_link")).isEqualTo(1);
    }

    @Test
    void jiraUninstallingALinkedSiteIsAuditedAsRevokedAndTheLinkStays() {
        linking.link(acme.id(), CLIENT_KEY);

        uninstall(CLIENT_KEY);

        assertThat(actions(acme)).containsExactly("SITE_CONNECTED", "SITE_REVOKED");
        JsonNode listed = list(acme).path("sites").get(0);
        assertThat(listed.path("state").asString()).isEqualTo("uninstalled");
        assertThat(listed.path("uninstalledAt").asString()).isNotBlank();
    }

    @Test
    void uninstallingAnUnlinkedSiteAuditsNothing() {
        uninstall(CLIENT_KEY);

        assertThat(jdbc.queryForObject("select count(*) from audit_record where action = 'SITE_REVOKED'", Integer.class))
                .isZero();
    }

    @Test
    void anOrganizationHoldsAtMostTwentyOpenRequestsAndMustCancelOneBeforeAnother() {
        long pending = JSON.readTree(request(acme, SITE_URL).body()).path("id").asLong();
        for (int i = 1; i < 20; i++) {
            assertThat(request(acme, "https://waiting" + i + ".atlassian.net").statusCode()).isEqualTo(202);
        }

        var refused = request(acme, "https://onetoomany.atlassian.net");

        assertProblem(refused, 409);
        assertThat(JSON.readTree(refused.body()).path("detail").asString()).contains("20 open link requests");
        assertThat(count("site_link_request")).isEqualTo(20);
        assertThat(request(acme, "https://waiting3.atlassian.net").statusCode()).as("asking again").isEqualTo(202);
        assertThat(request(organizations.create("Beta"), "https://onetoomany.atlassian.net").statusCode()).isEqualTo(202);
        assertThat(http.delete("/api/v1/sites/requests/" + pending, acme.auth()).statusCode()).isEqualTo(204);
        assertThat(request(acme, "https://onetoomany.atlassian.net").statusCode()).isEqualTo(202);
    }

    HttpResponse<String> request(Org org, String site) {
        return http.post("/api/v1/sites", Installs.json(Map.of("site", site)), org.auth());
    }

    HttpResponse<String> confirm(Org org, long id, String code) {
        return http.post("/api/v1/sites/requests/" + id + "/confirm", Installs.json(Map.of("code", code)), org.auth());
    }

    JsonNode list(Org org) {
        return JSON.readTree(http.get("/api/v1/sites", org.auth()).body());
    }

    int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
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
