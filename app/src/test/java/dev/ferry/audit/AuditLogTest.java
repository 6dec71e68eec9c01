package dev.ferry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.principal.ApiScope;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import dev.ferry.support.Organizations.Org;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit log: written with the change it records, read by its own organization, newest first. */
@FerryIntegrationTest
class AuditLogTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    Http http;
    Org acme;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        acme = organizations.create("Acme");
        jdbc.update("delete from audit_record");
    }

    @Test
    void recordsAreListedNewestFirstForTheirOwnOrganizationOnly() {
        var beta = organizations.create("Beta");
        at("2026-01-01T10:00:00Z", acme.id(), AuditAction.SITE_CONNECTED, "site-1");
        at("2026-01-02T10:00:00Z", acme.id(), AuditAction.ISSUE_CREATED, "OPS-1");
        at("2026-01-03T10:00:00Z", beta.id(), AuditAction.ISSUE_CREATED, "BETA-1");

        JsonNode records = list("");

        assertThat(targets(records)).containsExactly("OPS-1", "site-1");
        JsonNode newest = records.get(0);
        assertThat(newest.path("action").asString()).isEqualTo("ISSUE_CREATED");
        assertThat(newest.path("actor").asString()).isEqualTo("test");
        assertThat(newest.path("occurredAt").asString()).isEqualTo("2026-01-02T10:00:00Z");
        assertThat(newest.path("detail").asString()).isEqualTo("detail of OPS-1");
    }

    @Test
    void recordsAreFilteredByActionAndTimeAndLimited() {
        at("2026-01-01T10:00:00Z", acme.id(), AuditAction.SITE_CONNECTED, "site-1");
        at("2026-01-02T10:00:00Z", acme.id(), AuditAction.ISSUE_CREATED, "OPS-1");
        at("2026-01-03T10:00:00Z", acme.id(), AuditAction.ISSUE_CREATED, "OPS-2");
        at("2026-01-04T10:00:00Z", acme.id(), AuditAction.ISSUE_CREATED, "OPS-3");

        assertThat(targets(list("?action=ISSUE_CREATED"))).containsExactly("OPS-3", "OPS-2", "OPS-1");
        assertThat(targets(list("?action=site_connected"))).containsExactly("site-1");
        assertThat(targets(list("?from=2026-01-02T10:00:00Z&to=2026-01-04T10:00:00Z"))).containsExactly("OPS-2", "OPS-1");
        assertThat(targets(list("?limit=2"))).containsExactly("OPS-3", "OPS-2");
    }

    @Test
    void badFiltersAreRefusedWith400() {
        for (String query : List.of("?action=NOPE", "?from=yesterday", "?to=2026-13-01T00:00:00Z", "?limit=0",
                "?limit=1001", "?limit=ten", "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")) {
            var response = get(query, acme);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
    }

    @Test
    void readingNeedsTheAuditReadScope() {
        var writer = organizations.key(acme.id(), ApiScope.CONFIG_WRITE);

        var response = get("", writer);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("audit:read");
    }

    @Test
    void aRecordRollsBackWithTheChangeItRecords() {
        try {
            transactions.executeWithoutResult(status -> {
                audit.record(acme.id(), "test", AuditAction.TEMPLATES_UPDATED, "dest-1", null);
                throw new IllegalStateException("the change failed");
            });
        } catch (IllegalStateException expected) {
            // the record must be gone with it
        }

        assertThat(jdbc.queryForObject("select count(*) from audit_record", Integer.class)).isZero();
    }

    @Test
    void longTargetsAndDetailsAreCutToFit() {
        audit.record(acme.id(), "test", AuditAction.ISSUE_COMMENTED, "t".repeat(2000), "d".repeat(5000));

        assertThat(jdbc.queryForObject("select length(detail) from audit_record", Integer.class)).isEqualTo(4000);
        assertThat(jdbc.queryForObject("select length(target) from audit_record", Integer.class)).isEqualTo(1024);
    }

    void at(String when, String organizationId, AuditAction action, String target) {
        audit.record(organizationId, "test", action, target, "detail of " + target);
        jdbc.update("update audit_record set occurred_at = ? where target = ?", Timestamp.from(Instant.parse(when)), target);
    }

    JsonNode list(String query) {
        var response = get(query, acme);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("records");
    }

    HttpResponse<String> get(String query, Org org) {
        return http.get("/api/v1/audit" + query, org.auth());
    }

    static List<String> targets(JsonNode records) {
        return records.valueStream().map(r -> r.path("target").asString()).toList();
    }
}
