package dev.ferry.e2e;

import static dev.ferry.e2e.ProductApi.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.fault.Fault;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an API-token connection refuses, through HTTP: every bad field in the admin's words, every address
 * Ferry must not call (its own port, the cloud metadata address, a Cloud name resolving into a private network,
 * a redirect into one), and a key that may not change configuration. Each refusal stores nothing.
 */
@FerryJourney
class ApiTokenConnectionSafetyJourneyTest {

    static final String EMAIL = "Carla@acme-quality.example";
    static final String TOKEN = "ATATT3xFfGF0-safety-token";

    @Autowired
    JdbcClient jdbc;

    Journey journey;
    JiraSimulator jira;
    ProductApi api;

    @BeforeEach
    void acmeHasAnAccountOnTheSite(Journey journey) {
        this.journey = journey;
        jira = journey.jira();
        jira.data().accounts().add("557058:carla", EMAIL, "Carla Cruz");
        jira.credentials().addApiToken(EMAIL, TOKEN);
        api = journey.newOrganization("Acme Quality");
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(jdbc.sql("select count(*) from jira_connection").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from site_link").query(Long.class).single()).isZero();
        assertThat(api.get("/api/v1/audit?action=CONNECTION_ADDED").json().path("records")).isEmpty();
    }

    @Test
    void everyBadFieldIsRefusedInTheAdminsWordsBeforeJiraIsAsked() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        badField(Map.of("token", ""), "/token", "the API token is empty");
        badField(Map.of("token", "   \n"), "/token", "the API token is empty");
        badField(Map.of("token", "ATATT3x half\nand half"), "/token", "no spaces or line breaks");
        badField(Map.of("email", "carla.acme-quality.example"), "/email", "one @");
        badField(Map.of("email", " "), "/email", "email is required");
        badField(Map.of("siteUrl", "http://acme.atlassian.net"), "/siteUrl", "https only");
        badField(Map.of("siteUrl", "acme"), "/siteUrl", "not a Jira site URL");
        badField(Map.of("siteUrl", "https://carla:secret@acme.atlassian.net"), "/siteUrl", "no user name or password");
        badField(Map.of("route", "sideways"), "/route", "route is auto, site");
        badField(Map.of("tokenExpiresOn", today.minusDays(1).toString()), "/tokenExpiresOn", "has passed");
        badField(Map.of("tokenExpiresOn", today.plusYears(1).plusDays(5).toString()), "/tokenExpiresOn", "within a year");
        badField(Map.of("defaultProject", "ops-1"), "/defaultProject", "a Jira project key");
        badField(Map.of("confluenceUrl", "ftp://acme.atlassian.net/wiki"), "/confluenceUrl", "/wiki");
        refused(api.post("/api/v1/connections", body(Map.of("kind", "oauth"))), 400, "Connect with Atlassian");
        refused(api.post("/api/v1/connections", "{\"siteUrl\":"), 400, "");

        assertThat(jira.calls()).as("nothing reached Jira").isEmpty();
    }

    @Test
    void aFieldTheApiDoesNotKnowIsRefusedNotIgnored() {
        ProductApi.Reply reply = api.post("/api/v1/connections", body(Map.of("colour", "red")));

        refused(reply, 400, "");
        assertThat(reply.body()).contains("colour");
    }

    @Test
    void ferrysOwnPortIsRefused() {
        refused(api.post("/api/v1/connections", body(Map.of("siteUrl", "http://127.0.0.1:" + journey.port()))), 400,
                "https only");
        refused(api.post("/api/v1/connections", body(Map.of("siteUrl", "https://127.0.0.1:" + journey.port()))), 400,
                "127.0.0.1 is");
        refused(api.post("/api/v1/connections", body(Map.of("siteUrl", "https://localhost:" + journey.port()))), 400,
                "Ferry calls only Atlassian Cloud");
    }

    @Test
    void theCloudMetadataAddressIsRefused() {
        refused(api.post("/api/v1/connections", body(Map.of("siteUrl", "http://169.254.169.254/"))), 400, "https only");
        refused(api.post("/api/v1/connections", body(Map.of("siteUrl", "https://169.254.169.254/latest/meta-data/"))),
                400, "169.254.169.254 is");
        refused(api.post("/api/v1/connections", body(Map.of("confluenceUrl", "http://169.254.169.254/wiki"))), 400,
                "169.254.169.254 is");
        assertThat(jira.calls()).isEmpty();
    }

    @Test
    void aCloudNameThatResolvesIntoAPrivateNetworkIsRefused() {
        ProductApi.Reply reply = api.post("/api/v1/connections", body(Map.of("siteUrl", "https://" + IntranetDns.HOST)));

        refused(reply, 400, IntranetDns.HOST + " resolves to " + IntranetDns.ADDRESS);
        assertThat(reply.json().path("detail").asString()).contains("private");
    }

    @Test
    void aRedirectIntoAPrivateNetworkIsNotFollowed() {
        jira.faults().add("GET", "/rest/api/3/myself", Fault.status(302, "Found", Map.of("Location", "http://10.0.0.1/")), 1);

        ProductApi.Reply reply = api.post("/api/v1/connections", body(Map.of()));

        refused(reply, 502, "Ferry follows none");
        assertThat(reply.json().path("detail").asString()).contains("10.0.0.1");
        assertThat(jira.calls()).hasSize(1);
    }

    @Test
    void aKeyWithoutConfigWriteCannotAddAConnection() {
        ProductApi.Reply issued = api.post("/api/v1/api-keys", "{\"name\":\"reader\",\"scopes\":[\"config:read\"]}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        ProductApi reader = journey.api(issued.json().path("key").asString());

        ProductApi.Reply reply = reader.post("/api/v1/connections", body(Map.of()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.body()).contains("config:write");
        assertThat(reader.get("/api/v1/connections").status()).isEqualTo(200);
        assertThat(jira.calls()).isEmpty();
    }

    /** A valid connection body with {@code changed} fields replaced (or added). */
    private String body(Map<String, String> changed) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("siteUrl", jira.baseUrl(), "email", EMAIL,
                "token", TOKEN));
        fields.putAll(changed);
        return ProductApi.JSON.writeValueAsString(fields);
    }

    private void badField(Map<String, String> changed, String pointer, String words) {
        ProductApi.Reply reply = api.post("/api/v1/connections", body(changed));
        refused(reply, 400, "");
        assertThat(reply.body()).as(changed.toString()).contains(words).contains("\"" + pointer + "\"");
        assertThat(reply.body()).doesNotContain(TOKEN);
    }
}
