package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.jira.SimulatedIssueStream;
import dev.ferry.jira.SimulatedPageStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every fetch and schedule request Ferry refuses: a problem in words, and nothing queued, changed or audited. */
@FerryJourney
class IngestRefusalJourneyTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.ferry.account.People people;

    ProductApi api;
    String token;
    String install;

    @BeforeEach
    void acmeHasAnApiTokenConnectionAndAnInstall(Journey journey) {
        api = journey.newOrganization("Acme Refusals");
        token = journey.connectApiToken(api);
        install = journey.linkSite(api);
    }

    @Test
    void aFetchAskedWrongIsRefusedAndQueuesNothing() {
        String today = Instant.now().truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10);
        refused(fetch(token, "\"2026-11-30\"", "\"2026-11-01\"", null), 400, "is after to");
        refused(fetch(token, "\"2024-01-01\"", "\"" + today + "\"", null), 400, "over 400 days");
        refused(fetch(token, "\"" + Instant.now().plusSeconds(86_400) + "\"", "\"" + Instant.now().plusSeconds(2 * 86_400)
                + "\"", null), 400, "in the future");
        refused(fetch(token, "\"last tuesday\"", "\"" + today + "\"", null), 400, "not a date");
        refused(fetch(token, null, "\"" + today + "\"", null), 400, "from is required");
        refused(fetch(token, "\"" + today + "\"", "\"" + today + "\"", "[\"jira-everything\"]"), 400, "unknown stream");
        refused(fetch(token, "\"" + today + "\"", "\"" + today + "\"", "[]"), 400, "at least one stream");
        refused(fetch(install, "\"" + today + "\"", "\"" + today + "\"", "[\"" + SimulatedPageStream.NAME + "\"]"), 400,
                "does not reach Confluence");
        refused(fetch("api-token-nobody", "\"" + today + "\"", "\"" + today + "\"", null), 404, "no connection");

        assertThat(count("select count(*) from ingest_job")).isZero();
        assertThat(count("select count(*) from audit_record where action like 'INGEST%'")).isZero();
    }

    @Test
    void anOAuthConnectionReachesConfluenceOnlyWhenItsGrantHoldsAConfluenceReadScope(Journey journey) {
        String oauth = OAuthConnections.connect(journey, people, api.organizationId());
        String today = Instant.now().toString().substring(0, 10);
        refused(fetch(oauth, "\"" + today + "\"", "\"" + today + "\"", "[\"" + SimulatedPageStream.NAME + "\"]"), 400,
                "does not reach Confluence");
        assertThat(confluence(oauth)).isFalse();
        assertThat(confluence(install)).as("an app install reads Jira only").isFalse();
        assertThat(confluence(token)).as("an API token reaches {site}/wiki").isTrue();

        jdbc.sql("update oauth_grant set scopes = scopes || ' read:confluence-content.all'").update();
        assertThat(confluence(oauth)).isTrue();
        ProductApi.Reply started = fetch(oauth, "\"" + today + "\"", "\"" + today + "\"", "[\"" + SimulatedPageStream.NAME
                + "\"]");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
    }

    private boolean confluence(String connection) {
        for (var source : api.get("/api/v1/data-sources").json().path("dataSources")) {
            if (source.path("connection").asString().equals(connection)) {
                return source.path("confluence").asBoolean();
            }
        }
        throw new AssertionError("no data source " + connection);
    }

    @Test
    void anotherOrganizationsConnectionAndFetchesAreUnknownHere(Journey journey) {
        ProductApi other = journey.newOrganization("Other Org");
        String today = Instant.now().toString().substring(0, 10);
        ProductApi.Reply started = api.post("/api/v1/connections/" + token + "/fetch", "{\"from\":\"" + today
                + "\",\"to\":\"" + today + "\",\"streams\":[\"" + SimulatedIssueStream.NAME + "\"]}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = started.json().path("id").asString();

        refused(other.post("/api/v1/connections/" + token + "/fetch", "{\"from\":\"" + today + "\",\"to\":\"" + today
                + "\"}"), 404, "no connection");
        refused(other.get("/api/v1/fetches/" + job), 404, "no fetch");
        refused(other.post("/api/v1/fetches/" + job + "/cancel", "{}"), 404, "no fetch");
        refused(other.get("/api/v1/connections/" + token + "/fetches"), 404, "no connection");
        refused(other.patch("/api/v1/connections/" + token + "/schedule", "{\"paused\":true}"), 404, "no connection");
        assertThat(other.get("/api/v1/data-sources").json().path("dataSources")).isEmpty();

        assertThat(api.get("/api/v1/fetches/" + job).json().path("state").asString()).isEqualTo("queued");
        assertThat(count("select count(*) from ingest_job")).isEqualTo(1);
    }

    @Test
    void aScheduleOutsideItsBoundsIsRefusedAndStaysAsItWas() {
        refused(api.patch("/api/v1/connections/" + token + "/schedule", "{\"everyMinutes\":4}"), 400, "between 5 and 1440");
        refused(api.patch("/api/v1/connections/" + token + "/schedule", "{\"everyMinutes\":1441}"), 400, "between 5 and 1440");
        refused(api.patch("/api/v1/connections/" + token + "/schedule", "{}"), 400, "everyMinutes");
        refused(api.patch("/api/v1/connections/nobody/schedule", "{\"paused\":true}"), 404, "no connection");

        ProductApi.Reply sources = api.get("/api/v1/data-sources");
        assertThat(sources.status()).isEqualTo(200);
        assertThat(sources.json().path("dataSources").get(0).path("schedule").path("everyMinutes").asInt()).isEqualTo(15);
        assertThat(count("select count(*) from audit_record where action = 'INGEST_SCHEDULE_UPDATED'")).isZero();
    }

    private ProductApi.Reply fetch(String connection, String from, String to, String streams) {
        StringBuilder body = new StringBuilder("{");
        if (from != null) {
            body.append("\"from\":").append(from).append(',');
        }
        body.append("\"to\":").append(to);
        if (streams != null) {
            body.append(",\"streams\":").append(streams);
        }
        return api.post("/api/v1/connections/" + connection + "/fetch", body.append('}').toString());
    }

    private static void refused(ProductApi.Reply reply, int status, String words) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("detail").asString()).containsIgnoringCase(words);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
