package dev.ferry.auditrecord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A local measurement, not a check: the NDJSON export's throughput over HTTP for {@code -Dferry.bench.records}
 * records (200,000 by default). Runs only when asked:
 * {@code mvn -o -q -pl app test -Dtest=AuditRecordExportThroughput -Dferry.bench=true}; prints MB/s and heap.
 */
@FerryIntegrationTest
@EnabledIfSystemProperty(named = "ferry.bench", matches = "true")
class AuditRecordExportThroughput {

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

    @Test
    void measure() throws Exception {
        int count = Integer.getInteger("ferry.bench.records", 200_000);
        Organizations.Org acme = organizations.create("Acme Bench");
        AuditRecordFixtures fixtures = new AuditRecordFixtures(store, transaction, jdbc);
        fixtures.store(acme.id(), fixtures.collector(acme.id()), Instant.parse("2026-01-01T00:00:00Z"), count, "bench");
        for (int run = 1; run <= 3; run++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/audit-records/export")).header("Authorization", "Bearer " + acme.key()).build();
            long started = System.nanoTime();
            long bytes = 0;
            long lines = 0;
            byte[] buffer = new byte[256 * 1024];
            try (InputStream in = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream())
                    .body()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        lines += buffer[i] == '\n' ? 1 : 0;
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Runtime rt = Runtime.getRuntime();
            System.out.printf("EXPORT run %d: %d lines, %.1f MB in %.2f s = %.1f MB/s, %.0f records/s, heap used %d MB%n",
                    run, lines, bytes / 1e6, seconds, bytes / 1e6 / seconds, lines / seconds,
                    (rt.totalMemory() - rt.freeMemory()) / 1_000_000);
            assertThat(lines).isEqualTo(count);
        }
    }
}
