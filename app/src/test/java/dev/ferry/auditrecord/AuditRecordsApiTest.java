package dev.ferry.auditrecord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.principal.ApiScope;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A SIEM reads an organization's audit records page by page and exports a range, over real HTTP. */
@FerryIntegrationTest
class AuditRecordsApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant T = Instant.parse("2026-11-02T10:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    AuditRecordStore store;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Organizations organizations;

    Http http;
    AuditRecordFixtures fixtures;
    Organizations.Org acme;
    String collector;

    @BeforeEach
    void acmeCollectsAuditRecords() {
        http = new Http(port);
        fixtures = new AuditRecordFixtures(store, transaction, jdbc);
        acme = organizations.create("Acme Audit");
        collector = fixtures.collector(acme.id());
    }

    @Test
    void pagesFollowEachOtherWithNoRecordMissedOrDoubledWhileMoreAreStored() {
        fixtures.store(acme.id(), collector, T, 25, "group management");
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = get("/api/v1/audit-records?limit=10" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("records").forEach(r -> seen.add(r.path("position").asLong()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
            if (++pages == 1) {
                fixtures.store(acme.id(), collector, T.plusSeconds(100), 7, "group management");
            }
        } while (cursor != null);

        assertThat(seen).hasSize(32).doesNotHaveDuplicates().isSorted();
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void aRecordShowsItsColumnsAndTheRecordAsReceived() {
        fixtures.store(acme.id(), collector, T, 1, "group management");

        JsonNode record = get("/api/v1/audit-records").path("records").get(0);

        assertThat(record.path("collectorId").asString()).isEqualTo(collector);
        assertThat(record.path("created").asString()).isEqualTo("2026-11-02T10:00:00Z");
        assertThat(record.path("category").asString()).isEqualTo("group management");
        assertThat(record.path("authorAccountId").asString()).isEqualTo("557058:ana");
        assertThat(record.path("remoteAddress").asString()).isEqualTo("10.0.0.7");
        assertThat(record.path("objectItem").path("type").asString()).isEqualTo("GROUP");
        assertThat(record.path("receivedAt").isString()).isTrue();
        assertThat(record.path("record").isObject()).as("the record as an object, not a string").isTrue();
        assertThat(record.path("record").path("unexpected").path("kept").asBoolean()).isTrue();
        assertThat(record.path("record").path("id").asLong()).isEqualTo(record.path("recordId").asLong());
    }

    @Test
    void collectorCreatedRangeAndCategoryNarrowTheList() {
        String other = fixtures.collector(acme.id());
        fixtures.store(acme.id(), collector, T, 5, "group management");
        fixtures.store(acme.id(), other, T, 3, "user management");

        assertThat(get("/api/v1/audit-records?collector=" + other).path("records")).hasSize(3);
        assertThat(get("/api/v1/audit-records?category=USER%20MANAGEMENT").path("records")).hasSize(3);
        assertThat(get("/api/v1/audit-records?from=2026-11-02T10:00:01Z&to=2026-11-02T10:00:03Z").path("records"))
                .as("from inclusive, to exclusive, both collectors").hasSize(4);
        assertThat(get("/api/v1/audit-records?collector=" + collector + "&from=2026-11-02T10:00:04Z").path("records"))
                .hasSize(1);
    }

    @Test
    void anotherOrganizationSeesNothingAndItsCollectorIdIsUnknownToIt() {
        fixtures.store(acme.id(), collector, T, 3, "group management");
        Organizations.Org globex = organizations.create("Globex");

        HttpResponse<String> list = http.get("/api/v1/audit-records", globex.auth());
        assertThat(JSON.readTree(list.body()).path("records")).isEmpty();
        assertProblem(http.get("/api/v1/audit-records?collector=" + collector, globex.auth()), 404, "no audit collector");
        assertProblem(http.get("/api/v1/audit-records?collector=nope", acme.auth()), 404, "no audit collector");
        assertProblem(http.get("/api/v1/audit-records/export?collector=" + collector, globex.auth()), 404,
                "no audit collector");
        assertProblem(http.get("/api/v1/audit-records/stream?collector=" + collector, globex.auth()), 404,
                "no audit collector");
    }

    @Test
    void badParametersAreRefusedWithAProblem() {
        assertProblem(http.get("/api/v1/audit-records?cursor=bm9wZQ", acme.auth()), 400, "cursor");
        assertProblem(http.get("/api/v1/audit-records?cursor=!!", acme.auth()), 400, "cursor");
        assertProblem(http.get("/api/v1/audit-records?from=yesterday", acme.auth()), 400, "from must be");
        assertProblem(http.get("/api/v1/audit-records?from=2026-11-03T00:00:00Z&to=2026-11-02T00:00:00Z", acme.auth()),
                400, "from must be before to");
        assertProblem(http.get("/api/v1/audit-records?limit=1001", acme.auth()), 400, "limit");
        assertProblem(http.get("/api/v1/audit-records/stream?after=-3", acme.auth()), 400, "after");
    }

    @Test
    void aKeyWithoutTheScopeIsRefused() {
        Organizations.Org reader = organizations.key(acme.id(), ApiScope.EVENTS_READ);

        assertProblem(http.get("/api/v1/audit-records", reader.auth()), 403, "audit-records:read");
        assertProblem(http.get("/api/v1/audit-records/export", reader.auth()), 403, "audit-records:read");
        assertProblem(http.get("/api/v1/audit-records/stream", reader.auth()), 403, "audit-records:read");
    }

    @Test
    void anExportStreamsEveryRecordOfTheRangeInOrderAndIsAudited() {
        fixtures.store(acme.id(), collector, T, 20_000, "group management");

        HttpResponse<String> export = http.get("/api/v1/audit-records/export?collector=" + collector, acme.auth());

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("attachment")
                .contains("audit-records.ndjson");
        String[] lines = export.body().split("\n");
        assertThat(lines).hasSize(20_000);
        Set<Long> recordIds = new HashSet<>();
        long previous = 0;
        for (String text : lines) {
            JsonNode line = JSON.readTree(text);
            assertThat(line.path("position").asLong()).isGreaterThan(previous);
            previous = line.path("position").asLong();
            assertThat(line.path("collectorId").asString()).isEqualTo(collector);
            assertThat(line.path("record").path("id").asLong()).isEqualTo(line.path("recordId").asLong());
            recordIds.add(line.path("recordId").asLong());
        }
        assertThat(recordIds).hasSize(20_000);
        assertThat(jdbc.queryForList("select detail from audit_record where action = 'AUDIT_RECORDS_EXPORTED'"
                + " and organization_id = ?", String.class, acme.id())).singleElement().asString().contains(collector);
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = http.get(path, acme.auth());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains(detail);
    }
}
