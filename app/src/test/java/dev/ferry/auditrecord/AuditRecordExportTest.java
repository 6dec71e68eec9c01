package dev.ferry.auditrecord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An export of a created range reads the positions the range spans once: that read visits every entry of the
 * range, so reading it per chunk made an export of a million records read the range once per chunk.
 */
@FerryIntegrationTest
class AuditRecordExportTest {

    static final Instant T = Instant.parse("2026-11-02T10:00:00Z");

    @Autowired
    AuditRecordStore store;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Organizations organizations;

    @Test
    void anExportOfARangeReadsTheRangesPositionsOnceAndEveryRecordInIt() throws Exception {
        AuditRecordFixtures fixtures = new AuditRecordFixtures(store, transaction, jdbc);
        String acme = organizations.create("Acme Export Span").id();
        String collector = fixtures.collector(acme);
        fixtures.store(acme, collector, T, 10, "user management");
        AtomicInteger spanReads = new AtomicInteger();
        JdbcTemplate counting = new JdbcTemplate(jdbc.getDataSource()) {
            @Override
            public <T> T queryForObject(String sql, RowMapper<T> rows, Object... args) {
                if (sql.contains("min(position)")) {
                    spanReads.incrementAndGet();
                }
                return super.queryForObject(sql, rows, args);
            }
        };
        AuditRecordExport export = new AuditRecordExport(new AuditRecordReader(counting), chunksOf(2));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long lines = export.write(new AuditRecordFilter(acme, null, T.plusSeconds(1), T.plusSeconds(9), null), out);

        assertThat(lines).isEqualTo(8);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(8);
        assertThat(spanReads).as("reads of the range's positions").hasValue(1);
    }

    private static AuditRecordsProperties chunksOf(int chunk) {
        return new AuditRecordsProperties(Duration.ofDays(400), Duration.ofHours(1), 5000, false, 100, 1000, chunk,
                Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(15), 5);
    }
}
