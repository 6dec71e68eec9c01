package dev.ferry.bench;

import dev.ferry.simulator.JiraSimulator;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Audit records benchmark: a simulated site holding a year of audit records (1,000,000 by default), one
 * API-token connection and one collector reading all of it. It measures the backfill's records per second and
 * Ferry's CPU milliseconds per record, then the NDJSON export of the whole range (MB/s, and the heap after a full
 * GC before, during and after it), then the steady-state lag: records written at a steady rate while the
 * collector polls every {@code --poll=10s}, each timed from its creation in Jira to its first appearance in
 * Ferry's API. Run it with {@code bench/audit.sh}; options: {@code --records=1000000 --poll=10s --lag-seconds=60
 * --database=h2|postgres --no-analyze --jvm=... --jar=app/target/ferry.jar}.
 */
public final class AuditBench {

    private static final String OPERATOR = "bench-operator-token";
    private static final String EMAIL = "auditor@bench.example";
    private static final String ACCOUNT = "557058:bench-auditor";
    private static final String TOKEN = "ATATT3xFfGF0-bench-auditor-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = DeliveryBench.options(args);
        int records = Integer.parseInt(options.getOrDefault("records", "1000000"));
        Duration poll = Duration.parse("PT" + options.getOrDefault("poll", "10s").toUpperCase());
        int lagSeconds = Integer.parseInt(options.getOrDefault("lag-seconds", "60"));
        DeliveryBench.quietLogs();
        JiraSimulator jira = JiraSimulator.start();
        jira.skipSpecCheck();
        Instant now = Instant.now();
        Instant first = now.minus(365, ChronoUnit.DAYS);
        jira.data().auditLog().generate(records, first, now.minus(1, ChronoUnit.HOURS));
        jira.data().accounts().add(ACCOUNT, EMAIL, "Bench Auditor");
        jira.data().grant(ACCOUNT, "ADMINISTER", true);
        jira.credentials().addApiToken(EMAIL, TOKEN);
        System.out.printf("simulated site: %,d audit records over a year%n", records);

        Path work = Files.createTempDirectory("ferry-audit-bench");
        BenchOptions database = BenchOptions.parse(new String[] {"--database=" + options.getOrDefault("database", "h2")});
        database.resetDatabase();
        int port = WebhookBench.freePort();
        String ferry = "http://127.0.0.1:" + port;
        Process process = ActivityBench.start(options, jira, database.databaseUrl(work), port, work, List.of(
                "--ferry.audit-collectors.idle-sleep=200ms", "--ferry.audit-collectors.min-poll-interval=" + poll.toSeconds() + "s",
                "--ferry.ingest.worker-enabled=false"));
        try {
            WebhookBench.awaitHealthy(port);
            String key = DeliveryBench.call(ferry, OPERATOR, "POST", "/api/v1/organizations", "{\"name\":\"Bench\"}", 201)
                    .path("apiKey").path("key").asString();
            String connection = DeliveryBench.call(ferry, key, "POST", "/api/v1/connections", "{\"siteUrl\":\""
                    + jira.baseUrl() + "\",\"email\":\"" + EMAIL + "\",\"token\":\"" + TOKEN + "\"}", 201)
                    .path("id").asString();

            Duration cpuBefore = DeliveryBench.cpu(process);
            long start = System.nanoTime();
            String collector = DeliveryBench.call(ferry, key, "POST", "/api/v1/audit-collectors", "{\"connectionId\":\""
                    + connection + "\",\"pollInterval\":\"" + poll + "\",\"startFrom\":\""
                    + first.minus(1, ChronoUnit.DAYS) + "\"}", 201).path("id").asString();
            long heapAtQuarter = -1;
            long stored;
            while (true) {
                JsonNode view = DeliveryBench.call(ferry, key, "GET", "/api/v1/audit-collectors/" + collector, "", 200);
                stored = view.path("recordsStored").asLong();
                if (heapAtQuarter < 0 && stored >= records / 4) {
                    heapAtQuarter = ActivityBench.heapAfterGc(process);
                }
                if (stored >= records) {
                    break;
                }
                if ("failing".equals(view.path("state").asString())) {
                    throw new IllegalStateException("the collector fails: " + view);
                }
                Thread.sleep(200);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            Duration cpu = DeliveryBench.cpu(process).minus(cpuBefore);
            System.out.printf("backfill: %,d records in %.1f s = %.0f records/s; Ferry CPU %.1f s = %.4f ms per record;"
                    + " %d Jira calls%n", stored, elapsed, stored / elapsed, cpu.toMillis() / 1e3,
                    (double) cpu.toMillis() / stored, jira.data().auditLog().requests());
            System.out.printf("heap after full GC during the backfill: %.0f MB at 25 %%, %.0f MB at 100 %%%n",
                    heapAtQuarter / 1024.0, ActivityBench.heapAfterGc(process) / 1024.0);

            if ("postgres".equals(options.getOrDefault("database", "h2")) && !options.containsKey("no-analyze")) {
                // This machine's PostgreSQL runs with autovacuum off (conf.d/90-ci.conf), so a table filled in a
                // minute has no statistics and the planner sorts every row after each chunk's position; a
                // production database's autovacuum analyzes it after such a load. --no-analyze shows the difference.
                try (var jdbc = java.sql.DriverManager.getConnection(BenchOptions.POSTGRES);
                     var statement = jdbc.createStatement()) {
                    statement.execute("analyze jira_audit_record");
                }
                System.out.println("analyzed jira_audit_record (this PostgreSQL has autovacuum off)");
            }
            long last = export(ferry, key, collector, process);
            lag(ferry, key, collector, last, jira, poll, lagSeconds);
            WebhookBench.stop(process);
        } finally {
            process.destroyForcibly();
            jira.close();
        }
    }

    /**
     * The whole range as NDJSON: bytes per second as the client reads them, and the heap before, during and after.
     * Answers the last line's position.
     */
    private static long export(String ferry, String key, String collector, Process process) throws Exception {
        long heapBefore = ActivityBench.heapAfterGc(process);
        Duration cpuBefore = DeliveryBench.cpu(process);
        long start = System.nanoTime();
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(ferry
                + "/api/v1/audit-records/export?collector=" + collector)).header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("export answered " + response.statusCode());
        }
        long bytes = 0;
        long lines = 0;
        long heapDuring = -1;
        byte[] buffer = new byte[1 << 16];
        StringBuilder tail = new StringBuilder();
        String lastHead = "";
        try (InputStream body = response.body()) {
            for (int read; (read = body.read(buffer)) >= 0;) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                        lastHead = tail.toString();
                        tail.setLength(0);
                    } else if (tail.length() < 40) {
                        tail.append((char) buffer[i]);
                    }
                }
                if (heapDuring < 0 && bytes > 100L << 20) {
                    heapDuring = ActivityBench.heapAfterGc(process);
                }
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Duration cpu = DeliveryBench.cpu(process).minus(cpuBefore);
        long lastPosition = Long.parseLong(lastHead.replaceFirst("^\\{\"position\":(\\d+),.*$", "$1"));
        System.out.printf("export: %,d lines, %.0f MB in %.1f s = %.0f MB/s; Ferry CPU %.1f s%n", lines, bytes / 1e6,
                elapsed, bytes / 1e6 / elapsed, cpu.toMillis() / 1e3);
        System.out.printf("heap after full GC: %.0f MB before the export, %.0f MB after 100 MB of it, %.0f MB after%n",
                heapBefore / 1024.0, heapDuring / 1024.0, ActivityBench.heapAfterGc(process) / 1024.0);
        return lastPosition;
    }

    /**
     * Records written one every 200 ms for {@code seconds}; each is timed from its creation in Jira until Ferry's
     * API lists it. A collector keeps up when the worst is under two poll intervals.
     */
    private static void lag(String ferry, String key, String collector, long after, JiraSimulator jira,
            Duration poll, int seconds) throws Exception {
        long position = after;
        Map<Long, Instant> written = new HashMap<>();
        List<Duration> lags = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long settle = end + poll.multipliedBy(3).toNanos();
        long nextWrite = System.nanoTime();
        while (System.nanoTime() < settle && (System.nanoTime() < end || lags.size() < written.size())) {
            if (System.nanoTime() < end && System.nanoTime() >= nextWrite) {
                Instant created = Instant.now();
                written.put(jira.data().auditLog().add("Bench steady record", "user management", created), created);
                nextWrite += 200_000_000L;
            }
            JsonNode page = DeliveryBench.call(ferry, key, "GET", "/api/v1/audit-records?collector=" + collector
                    + "&after=" + position + "&limit=1000", "", 200);
            Instant seen = Instant.now();
            for (JsonNode record : page.path("records")) {
                position = Math.max(position, record.path("position").asLong());
                Instant created = written.get(record.path("recordId").asLong());
                if (created != null) {
                    lags.add(Duration.between(created, seen));
                }
            }
            Thread.sleep(100);
        }
        Collections.sort(lags);
        if (lags.isEmpty()) {
            throw new IllegalStateException("none of " + written.size() + " records reached Ferry");
        }
        System.out.printf("steady state: %d records written over %d s, %d reached Ferry; lag p50 %.1f s, max %.1f s"
                + " (poll interval %d s: max = %.2f intervals)%n", written.size(), seconds, lags.size(),
                lags.get(lags.size() / 2).toMillis() / 1e3, lags.get(lags.size() - 1).toMillis() / 1e3, poll.toSeconds(),
                lags.get(lags.size() - 1).toMillis() / (double) poll.toMillis());
    }

    private AuditBench() {
    }
}
