package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.simulator.JiraSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Audit collectors over the product API, beside a simulated Jira: added over a connection or with the SIEM
 * connector's three fields, listed, edited (a new start or filter reads again from the start), paused, resumed,
 * tested (Jira's 403 in the admin's words) and deleted; every write audited with who; every bad input refused
 * with nothing changed.
 */
@FerryJourney
class AuditCollectorJourneyTest {

    static final String PATH = "/api/v1/audit-collectors";

    @Autowired
    JdbcClient jdbc;

    Journey journey;
    JiraSimulator jira;
    ProductApi api;

    @BeforeEach
    void anOrganizationWithJira(Journey journey) {
        this.journey = journey;
        jira = journey.jira();
        api = journey.newOrganization("Acme Security");
    }

    /** The simulated site outlives the test: Fiona leaves it without Administer Jira, as she came. */
    @AfterEach
    void fionaIsAPlainUserAgain() {
        jira.data().grant(Journey.FILER_ID, "ADMINISTER", false);
    }

    @Test
    void aCollectorAddedOverAConnectionIsListedWithItsConnectionAndAudited() {
        String connection = journey.connectApiToken(api);
        String start = LocalDate.now(ZoneOffset.UTC).minusDays(10).toString();

        ProductApi.Reply added = api.post(PATH, "{\"connectionId\":\"" + connection + "\",\"pollMinutes\":10,"
                + "\"startFrom\":\"" + start + "\",\"filter\":\"permission\"}");

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode collector = added.json();
        String id = collector.path("id").asString();
        assertThat(collector.path("connectionId").asString()).isEqualTo(connection);
        assertThat(collector.path("connectionKind").asString()).isEqualTo("api_token");
        assertThat(collector.path("siteUrl").asString()).isEqualTo(jira.baseUrl());
        assertThat(collector.path("account").asString()).isEqualTo(Journey.FILER_EMAIL);
        assertThat(collector.path("pollInterval").asString()).isEqualTo("PT10M");
        assertThat(collector.path("pollSeconds").asLong()).isEqualTo(600);
        assertThat(collector.path("startFrom").asString()).startsWith(start + "T00:00");
        assertThat(collector.path("filter").asString()).isEqualTo("permission");
        assertThat(collector.path("state").asString()).isEqualTo("running");
        assertThat(collector.path("recordsStored").asLong()).isZero();
        assertThat(collector.path("lagSeconds").isValueNode()).as("no lag before a full poll").isFalse();
        assertThat(collector.path("sink").isObject()).as("no sink").isFalse();

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("PAUSED", false).containsEntry("WINDOW_OFFSET", 0).containsEntry("ATTEMPTS", 0)
                .containsEntry("RECORDS", 0L).containsEntry("CREATED_BY", "api-key:" + keyId());
        assertThat(nextPollAt(id)).isBetween(Instant.now().minusSeconds(60), Instant.now());

        assertThat(api.get(PATH).json().path("collectors").findValuesAsString("id")).containsExactly(id);
        assertThat(api.get(PATH + "/" + id).json()).isEqualTo(api.get(PATH).json().path("collectors").get(0));
        assertAudited("AUDIT_COLLECTOR_ADDED", id);
    }

    @Test
    void theSiemConnectorsThreeFieldsAddAVerifiedConnectionAndItsCollector() {
        jira.data().accounts().add(Journey.FILER_ID, Journey.FILER_EMAIL, "Fiona Filer");
        jira.credentials().addApiToken(Journey.FILER_EMAIL, Journey.FILER_TOKEN);

        ProductApi.Reply added = api.post(PATH, "{\"siteUrl\":\"" + jira.baseUrl() + "\",\"email\":\""
                + Journey.FILER_EMAIL + "\",\"apiToken\":\"" + Journey.FILER_TOKEN + "\",\"pollMinutes\":5}");

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).doesNotContain(Journey.FILER_TOKEN);
        String connection = added.json().path("connectionId").asString();
        assertThat(connection).startsWith("api-token-");
        assertThat(api.get("/api/v1/connections/" + connection).status()).isEqualTo(200);
        assertThat(added.json().path("account").asString()).isEqualTo(Journey.FILER_EMAIL);
        assertThat(added.json().path("pollSeconds").asLong()).isEqualTo(300);
        assertThat(journey.answered("GET", "/rest/api/3/myself")).isPositive();
        assertAudited("CONNECTION_ADDED", connection);
        assertAudited("AUDIT_COLLECTOR_ADDED", added.json().path("id").asString());
    }

    @Test
    void aWrongTokenIsRefusedInTheConnectionsWordsAndLeavesNeitherConnectionNorCollector() {
        jira.data().accounts().add(Journey.FILER_ID, Journey.FILER_EMAIL, "Fiona Filer");
        jira.credentials().addApiToken(Journey.FILER_EMAIL, Journey.FILER_TOKEN);
        String wrong = "{\"siteUrl\":\"" + jira.baseUrl() + "\",\"email\":\"" + Journey.FILER_EMAIL
                + "\",\"%s\":\"ATATT3xFfGF0-not-the-token\"}";
        ProductApi.Reply asConnection = api.post("/api/v1/connections", wrong.formatted("token"));

        ProductApi.Reply asCollector = api.post(PATH, wrong.formatted("apiToken"));

        assertThat(asConnection.status()).isGreaterThanOrEqualTo(400);
        ProductApi.refused(asCollector, asConnection.status(), asConnection.json().path("detail").asString());
        assertThat(asCollector.json().path("title").asString()).isEqualTo(asConnection.json().path("title").asString());
        assertThat(count("jira_connection")).isZero();
        assertThat(count("audit_collector")).isZero();
    }

    @Test
    void aNewStartOrFilterReadsAgainFromTheStartAndANewIntervalOnlyBringsThePollCloser() {
        String id = collector(journey.connectApiToken(api));
        Instant later = Instant.now().plus(Duration.ofDays(1));
        pollingStands(id, later);

        JsonNode edited = api.patch(PATH + "/" + id, "{\"pollMinutes\":2}").json();

        assertThat(edited.path("pollSeconds").asLong()).isEqualTo(120);
        assertThat(nextPollAt(id)).isBefore(Instant.now().plusSeconds(121)).isAfter(Instant.now().plusSeconds(60));
        assertThat(row(id).get("CHECKPOINT")).isNotNull();
        assertThat(row(id).get("LEASE_UNTIL")).isNotNull();

        pollingStands(id, later);
        ProductApi.Reply filtered = api.patch(PATH + "/" + id, "{\"filter\":\"user\"}");

        assertThat(filtered.status()).as(filtered.body()).isEqualTo(200);
        assertThat(filtered.json().path("filter").asString()).isEqualTo("user");
        assertReadsAgain(id);

        pollingStands(id, later);
        api.patch(PATH + "/" + id, "{\"startFrom\":\"" + LocalDate.now(ZoneOffset.UTC).minusDays(3) + "\"}");

        assertReadsAgain(id);
        assertThat(api.get("/api/v1/audit?action=AUDIT_COLLECTOR_EDITED").json().path("records")).hasSize(3);
    }

    @Test
    void aPausedCollectorResumesAtOnceKeepingItsLastErrorAndADeletedOneTakesItsSink() {
        String id = collector(journey.connectApiToken(api));
        jdbc.sql("update audit_collector set failure = 'UNAVAILABLE', last_error = 'Jira answered 503',"
                + " next_poll_at = ? where id = ?").params(OffsetDateTime.now().plusHours(1), id).update();

        assertThat(api.post(PATH + "/" + id + "/pause", null).json().path("state").asString()).isEqualTo("paused");
        JsonNode resumed = api.post(PATH + "/" + id + "/resume", null).json();

        assertThat(resumed.path("state").asString()).isEqualTo("failing");
        assertThat(resumed.path("lastError").asString()).isEqualTo("Jira answered 503");
        assertThat(nextPollAt(id)).isBefore(Instant.now().plusSeconds(1));
        assertAudited("AUDIT_COLLECTOR_PAUSED", id);
        assertAudited("AUDIT_COLLECTOR_RESUMED", id);

        jdbc.sql("""
                insert into audit_sink (collector_id, organization_id, url, header_names, batch_size, enabled, position,
                    next_attempt_at, attempts, sent, updated_by, updated_at)
                values (?, ?, 'https://siem.acme.example/ingest?token=x', '', 100, true, 0, ?, 2, 0, 'test', ?)""")
                .params(id, api.organizationId(), OffsetDateTime.now(), OffsetDateTime.now()).update();
        JsonNode sink = api.get(PATH + "/" + id).json().path("sink");
        assertThat(sink.path("host").asString()).isEqualTo("siem.acme.example");
        assertThat(sink.path("state").asString()).isEqualTo("failing");

        assertThat(api.delete(PATH + "/" + id).status()).isEqualTo(204);
        ProductApi.refused(api.get(PATH + "/" + id), 404, "no audit collector");
        assertThat(count("audit_sink")).isZero();
        assertAudited("AUDIT_COLLECTOR_DELETED", id);
    }

    @Test
    void theTestCountsTheLastDaysRecordsAndSaysWhatAJira403Means() {
        // The site's audit log outlives a test: this collector filters on a word only this test's records carry.
        String word = "t" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ProductApi.Reply added = api.post(PATH, "{\"connectionId\":\"" + journey.connectApiToken(api)
                + "\",\"filter\":\"" + word + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String id = added.json().path("id").asString();
        jira.data().grant(Journey.FILER_ID, "ADMINISTER", true);
        jira.data().audit("User created " + word, "user management", Instant.now().minus(Duration.ofHours(2)));
        jira.data().audit("Permission scheme changed " + word, "permissions", Instant.now().minus(Duration.ofHours(1)));
        jira.data().audit("Long ago " + word, "permissions", Instant.now().minus(Duration.ofDays(3)));

        JsonNode ok = api.post(PATH + "/" + id + "/test", null).json();

        assertThat(ok.path("ok").asBoolean()).as(ok.toString()).isTrue();
        assertThat(ok.path("message").asString()).isEqualTo("can read audit records (2 in the last day)");
        assertThat(ok.path("recordsInLastDay").asLong()).isEqualTo(2);

        jira.data().grant(Journey.FILER_ID, "ADMINISTER", false);
        JsonNode refused = api.post(PATH + "/" + id + "/test", null).json();

        assertThat(refused.path("ok").asBoolean()).isFalse();
        assertThat(refused.path("message").asString()).isEqualTo("The account " + Journey.FILER_EMAIL
                + " lacks the global permission Administer Jira, which Jira requires to read audit records.");
        assertThat(row(id)).containsEntry("ATTEMPTS", 0).containsEntry("FAILURE", null);
        List<JsonNode> tests = api.get("/api/v1/audit?action=AUDIT_COLLECTOR_TESTED").json().path("records")
                .valueStream().toList();
        assertThat(tests).hasSize(2).allSatisfy(entry -> assertThat(entry.path("actor").asString())
                .isEqualTo("api-key:" + keyId()));
    }

    @Test
    void badSettingsAreRefusedAsProblemsAndChangeNothing() {
        String connection = journey.connectApiToken(api);
        String id = collector(connection);
        JsonNode before = api.get(PATH + "/" + id).json();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

        ProductApi.refused(api.patch(PATH + "/" + id, "{\"pollMinutes\":0}"), 400, "at least 1 minute");
        ProductApi.refused(api.patch(PATH + "/" + id, "{\"pollMinutes\":1441}"), 400, "at most 24 hours");
        ProductApi.refused(api.patch(PATH + "/" + id, "{\"pollInterval\":\"PT25H\"}"), 400, "at most 24 hours");
        ProductApi.refused(api.patch(PATH + "/" + id, "{\"startFrom\":\"" + tomorrow + "\"}"), 400, "in the future");
        ProductApi.refused(api.patch(PATH + "/" + id, "{\"startFrom\":\"2020-01-01\"}"), 400, "400 days ago");
        ProductApi.refused(api.patch(PATH + "/" + id, "{\"filter\":\"" + "x".repeat(256) + "\"}"), 400,
                "at most 255 characters");
        ProductApi.refused(api.post(PATH, "{\"connectionId\":\"api-token-nope\"}"), 404, "no connection");
        ProductApi.refused(api.post(PATH, "{\"connectionId\":\"" + connection + "\"}"), 409,
                "already has an audit collector");

        assertThat(api.get(PATH + "/" + id).json()).isEqualTo(before);
        assertThat(count("audit_collector")).isEqualTo(1);
        assertThat(api.get("/api/v1/audit?action=AUDIT_COLLECTOR_EDITED").json().path("records")).isEmpty();
    }

    @Test
    void anotherOrganizationsConnectionsAndCollectorsAreUnknownAndAKeyNeedsTheScope() {
        String connection = journey.connectApiToken(api);
        String id = collector(connection);
        ProductApi other = journey.newOrganization("Elsewhere");

        ProductApi.refused(other.post(PATH, "{\"connectionId\":\"" + connection + "\"}"), 404, "no connection");
        ProductApi.refused(other.get(PATH + "/" + id), 404, "no audit collector");
        ProductApi.refused(other.patch(PATH + "/" + id, "{\"pollMinutes\":5}"), 404, "no audit collector");
        ProductApi.refused(other.post(PATH + "/" + id + "/test", null), 404, "no audit collector");
        ProductApi.refused(other.delete(PATH + "/" + id), 404, "no audit collector");
        assertThat(other.get(PATH).json().path("collectors")).isEmpty();

        ProductApi reader = key("audit-records:read");
        assertThat(reader.get(PATH).json().path("collectors")).hasSize(1);
        ProductApi.refused(reader.post(PATH + "/" + id + "/pause", null), 403, "audit-collectors:manage");
        ProductApi.refused(key("config:read").get(PATH), 403, "audit-records:read");
        assertThat(api.get(PATH + "/" + id).json().path("state").asString()).isEqualTo("running");
    }

    private String collector(String connection) {
        ProductApi.Reply added = api.post(PATH, "{\"connectionId\":\"" + connection + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().path("id").asString();
    }

    /** As a poller leaves it mid-window: a checkpoint, a window, an offset and a lease; next poll far off. */
    private void pollingStands(String id, Instant nextPoll) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("update audit_collector set checkpoint = ?, window_from = ?, window_to = ?, window_offset = 2000,"
                + " lease_until = ?, next_poll_at = ? where id = ?")
                .params(now.minusHours(1), now.minusHours(2), now, now.plusMinutes(2),
                        nextPoll.atOffset(ZoneOffset.UTC), id).update();
    }

    private void assertReadsAgain(String id) {
        Map<String, Object> row = row(id);
        assertThat(row.get("CHECKPOINT")).isNull();
        assertThat(row.get("WINDOW_FROM")).isNull();
        assertThat(row.get("WINDOW_TO")).isNull();
        assertThat(row.get("LEASE_UNTIL")).isNull();
        assertThat(row).containsEntry("WINDOW_OFFSET", 0);
        assertThat(nextPollAt(id)).isBefore(Instant.now().plusSeconds(1));
    }

    private void assertAudited(String action, String target) {
        JsonNode records = api.get("/api/v1/audit?action=" + action).json().path("records");
        assertThat(records.valueStream().filter(entry -> entry.path("target").asString().equals(target)))
                .as(records.toString()).singleElement()
                .satisfies(entry -> assertThat(entry.path("actor").asString()).isEqualTo("api-key:" + keyId()));
    }

    private ProductApi key(String scope) {
        ProductApi.Reply issued = api.post("/api/v1/api-keys", "{\"name\":\"" + scope + "\",\"scopes\":[\"" + scope
                + "\"]}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return journey.api(issued.json().path("key").asString());
    }

    private String keyId() {
        return jdbc.sql("select id from api_key where organization_id = ? order by created_at limit 1")
                .param(api.organizationId()).query(String.class).single();
    }

    private Map<String, Object> row(String id) {
        return jdbc.sql("select * from audit_collector where id = ?").param(id).query().singleRow();
    }

    private Instant nextPollAt(String id) {
        return jdbc.sql("select next_poll_at from audit_collector where id = ?").param(id)
                .query(OffsetDateTime.class).single().toInstant();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where organization_id = ?").param(api.organizationId())
                .query(Long.class).single();
    }
}
