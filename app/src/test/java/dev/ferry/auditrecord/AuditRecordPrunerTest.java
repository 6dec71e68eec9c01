package dev.ferry.auditrecord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Audit records Jira created longer ago than the retention are deleted, a batch per statement; younger ones stay. */
@FerryIntegrationTest
class AuditRecordPrunerTest {

    static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

    @Autowired
    AuditRecordStore store;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JdbcClient jdbcClient;
    @Autowired
    Organizations organizations;

    @Test
    void recordsCreatedBeforeTheRetentionArePrunedInBatchesAndNoOthers() {
        AuditRecordFixtures fixtures = new AuditRecordFixtures(store, transaction, jdbc);
        String acme = organizations.create("Acme Prune").id();
        String globex = organizations.create("Globex Prune").id();
        String acmeCollector = fixtures.collector(acme);
        String globexCollector = fixtures.collector(globex);
        Instant cutoff = NOW.minus(Duration.ofDays(400));
        fixtures.store(acme, acmeCollector, cutoff.minusSeconds(25), 25, "group management");
        fixtures.store(acme, acmeCollector, cutoff, 3, "group management");
        fixtures.store(globex, globexCollector, cutoff.minusSeconds(4), 4, "group management");

        AuditRecordPruner pruner = new AuditRecordPruner(jdbcClient, properties(10), Clock.fixed(NOW, ZoneOffset.UTC));
        AuditRecordPruner.Pruned pruned = pruner.prune();

        assertThat(pruned.records()).isEqualTo(29);
        assertThat(pruned.batches()).as("10 + 10 + 5 for acme, 4 for globex").isEqualTo(4);
        assertThat(jdbc.queryForList("select created_at from jira_audit_record", java.sql.Timestamp.class))
                .hasSize(3).allMatch(created -> !created.toInstant().isBefore(cutoff));
        assertThat(pruner.prune().records()).as("nothing left to prune").isZero();
    }

    private static AuditRecordsProperties properties(int batch) {
        return new AuditRecordsProperties(Duration.ofDays(400), Duration.ofHours(1), batch, true, 100, 1000, 5000,
                Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(15), 5);
    }
}
