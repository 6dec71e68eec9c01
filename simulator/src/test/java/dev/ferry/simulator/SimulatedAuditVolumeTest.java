package dev.ferry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.rest.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A million generated audit records: made from their index when shown, never held, and pageable anywhere. */
class SimulatedAuditVolumeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MILLION = 1_000_000;
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofDays(100));
    private static JiraSimulator jira;

    @BeforeAll
    static void start() {
        jira = JiraSimulator.start();
        AuditCalls.admitAdmin(jira);
        jira.data().auditLog().generate(MILLION, FROM, TO);
    }

    @AfterAll
    static void stop() {
        jira.close();
    }

    @Test
    void aPageDeepInTheRangeIsServedWithoutHoldingAnyRecord() throws Exception {
        AuditLog log = jira.data().auditLog();
        JsonNode page = JSON.readTree(AuditCalls.asAdmin(jira, "offset=700000&limit=1000").body());
        assertThat(page.path("total").asLong()).isEqualTo(MILLION);
        assertThat(page.path("records")).hasSize(1000);
        long newest = page.path("records").get(0).path("id").asLong();
        long oldest = page.path("records").get(999).path("id").asLong();
        assertThat(newest - oldest).isEqualTo(999);
        assertThat(log.total()).isEqualTo(MILLION);
        assertThat(log.stored()).isZero();
    }

    @Test
    void aTimeWindowFindsExactlyTheRecordsCreatedInIt() throws Exception {
        // A million records over 100 days: one every 8,640,000 ms / 1,000, so a day holds about 10,000.
        JsonNode page = JSON.readTree(AuditCalls.asAdmin(jira,
                "from=2026-02-01T00:00:00.000Z&to=2026-02-01T23:59:59.999Z&limit=1").body());
        assertThat(page.path("total").asLong()).isBetween(9_999L, 10_001L);
        String created = page.path("records").get(0).path("created").asText();
        assertThat(created).startsWith("2026-02-01T23:59");
    }

    @Test
    void generatedRecordsLookRealAndVary() throws Exception {
        JsonNode page = JSON.readTree(AuditCalls.asAdmin(jira, "offset=123456&limit=50").body());
        Set<String> categories = new HashSet<>();
        Set<String> authors = new HashSet<>();
        page.path("records").forEach(record -> {
            categories.add(record.path("category").asText());
            authors.add(record.path("authorAccountId").asText());
            assertThat(record.toString().length()).isBetween(500, 1000);
            assertThat(record.path("objectItem").path("typeName").asText()).isNotBlank();
            assertThat(record.path("changedValues")).isNotEmpty();
        });
        assertThat(categories).hasSizeGreaterThan(5);
        assertThat(authors).hasSizeGreaterThan(2);
        long id = page.path("records").get(7).path("id").asLong();
        assertThat(jira.data().auditLog().byId(id).orElseThrow().toString())
                .isEqualTo(page.path("records").get(7).toString());
    }

    @Test
    void aFilterOverTheGeneratedRangeCountsOnlyMatches() throws Exception {
        JsonNode page = JSON.readTree(AuditCalls.asAdmin(jira,
                "filter=workflow&from=2026-01-01T00:00:00.000Z&to=2026-01-02T00:00:00.000Z&limit=20").body());
        assertThat(page.path("total").asLong()).isBetween(1L, 10_001L / 6);
        page.path("records").forEach(record -> assertThat(record.toString().toLowerCase()).contains("workflow"));
    }
}
