package dev.ferry.bench;

import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.PersonActions;
import dev.ferry.simulator.RecordedCall;
import dev.ferry.simulator.rest.ActivityDataset;
import dev.ferry.simulator.rest.ConfluenceDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Activity ingest benchmark: one simulated site holding a year of work (by default 20,000 issues, 100,000
 * changelog entries, 40,000 comments, 20,000 worklogs and 5,000 Confluence pages), one API-token connection,
 * and a fetch of the whole year. It measures records per second, Ferry's CPU milliseconds per record, Jira
 * calls per 1,000 records (by endpoint), the heap after a full GC at 25 % and 100 % of the fetch, and then the
 * calls of the scheduled run that follows one changed issue. Run it with {@code bench/activity.sh};
 * options: {@code --scale=1.0 --pages=5000 --database=h2|postgres --jvm=... --jar=app/target/ferry.jar}.
 */
public final class ActivityBench {

    private static final String OPERATOR = "bench-operator-token";
    private static final String EMAIL = "reader@bench.example";
    private static final String TOKEN = "ATATT3xFfGF0-bench-reader-token";
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = DeliveryBench.options(args);
        double scale = Double.parseDouble(options.getOrDefault("scale", "1.0"));
        int pages = (int) Math.round(Integer.parseInt(options.getOrDefault("pages", "5000")) * scale);
        ActivityDataset.Size full = ActivityDataset.Size.BENCHMARK;
        ActivityDataset.Size size = new ActivityDataset.Size((int) (full.issues() * scale),
                (int) (full.changelogEntries() * scale), (int) (full.comments() * scale), (int) (full.worklogs() * scale));
        DeliveryBench.quietLogs();
        JiraSimulator jira = JiraSimulator.start();
        jira.skipSpecCheck();
        long filling = System.nanoTime();
        ActivityDataset.fill(jira.data(), size, 42);
        ConfluenceDataset.fill(jira.data(), pages, 42);
        jira.data().accounts().add("557058:bench-reader", EMAIL, "Bench Reader");
        jira.credentials().addApiToken(EMAIL, TOKEN);
        System.out.printf("simulated site: %d issues, %d changelog entries, %d comments, %d worklogs, %d pages (%.1f s)%n",
                size.issues(), size.changelogEntries(), size.comments(), size.worklogs(), pages,
                (System.nanoTime() - filling) / 1e9);

        Path work = Files.createTempDirectory("ferry-activity-bench");
        BenchOptions database = BenchOptions.parse(new String[] {"--database=" + options.getOrDefault("database", "h2")});
        database.resetDatabase();
        int port = WebhookBench.freePort();
        String ferry = "http://127.0.0.1:" + port;
        Process process = start(options, jira, database.databaseUrl(work), port, work);
        try {
            WebhookBench.awaitHealthy(port);
            JsonNode organization = DeliveryBench.call(ferry, OPERATOR, "POST", "/api/v1/organizations",
                    "{\"name\":\"Bench\"}", 201);
            String key = organization.path("apiKey").path("key").asString();
            String connection = DeliveryBench.call(ferry, key, "POST", "/api/v1/connections", "{\"siteUrl\":\""
                    + jira.baseUrl() + "\",\"email\":\"" + EMAIL + "\",\"token\":\"" + TOKEN + "\"}", 201)
                    .path("id").asString();
            // The backfill is measured alone: the schedule waits until it is done.
            DeliveryBench.call(ferry, key, "PATCH", "/api/v1/connections/" + connection + "/schedule",
                    "{\"paused\":true}", 200);
            awaitNoOpenJob(ferry, key, connection);

            int callsBefore = jira.calls().size();
            Duration cpuBefore = DeliveryBench.cpu(process);
            Instant to = Instant.now();
            Instant from = to.minus(399, ChronoUnit.DAYS);
            String job = DeliveryBench.call(ferry, key, "POST", "/api/v1/connections/" + connection + "/fetch",
                    "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}", 202).path("id").asString();
            long start = System.nanoTime();
            long heapAtQuarter = -1;
            JsonNode view;
            while (true) {
                view = DeliveryBench.call(ferry, key, "GET", "/api/v1/fetches/" + job, "", 200);
                if (heapAtQuarter < 0 && view.path("progress").asInt() >= 25) {
                    heapAtQuarter = heapAfterGc(process);
                }
                if (!view.path("state").asString().matches("queued|running|waiting")) {
                    break;
                }
                Thread.sleep(200);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            Duration cpu = DeliveryBench.cpu(process).minus(cpuBefore);
            long heapAtEnd = heapAfterGc(process);
            long records = view.path("records").asLong();
            List<RecordedCall> calls = new ArrayList<>(jira.calls().subList(callsBefore, jira.calls().size()));
            System.out.printf("fetch %s: %d records in %.1f s = %.0f records/s; Ferry CPU %.1f s = %.3f ms per record%n",
                    view.path("state").asString(), records, elapsed, records / elapsed, cpu.toMillis() / 1e3,
                    (double) cpu.toMillis() / Math.max(1, records));
            System.out.printf("Jira calls: %d = %.1f per 1,000 records%n", calls.size(), calls.size() * 1000.0 / Math.max(1, records));
            byEndpoint(calls).forEach((endpoint, count) -> System.out.printf("  %6d  %s%n", count, endpoint));
            System.out.printf("heap after full GC: %.0f MB at 25 %%, %.0f MB at 100 %%%n", heapAtQuarter / 1024.0,
                    heapAtEnd / 1024.0);

            incremental(ferry, key, connection, jira);
            // A clean stop, so a flight recording asked for with --jvm=-XX:StartFlightRecording... is written.
            WebhookBench.stop(process);
        } finally {
            process.destroyForcibly();
            jira.close();
        }
    }

    /** Once the schedule's first run has set the checkpoint, one issue changes: the next run's calls are counted. */
    private static void incremental(String ferry, String key, String connection, JiraSimulator jira) throws Exception {
        // The bench runs the schedule every minute (ferry.ingest.every) and its first run reads one day back.
        DeliveryBench.call(ferry, key, "PATCH", "/api/v1/connections/" + connection + "/schedule",
                "{\"paused\":false}", 200);
        awaitScheduledRunAfter(ferry, key, connection, Instant.EPOCH);
        Instant changed = Instant.now();
        int before = jira.calls().size();
        new PersonActions(jira).comment(ActivityDataset.PEOPLE.get(0)[0], "FERRY-1", "One more thing.");
        JsonNode run = awaitScheduledRunAfter(ferry, key, connection, changed);
        List<RecordedCall> calls = new ArrayList<>(jira.calls().subList(before, jira.calls().size()));
        System.out.printf("incremental run after one changed issue: %d records, %d Jira calls%n",
                run.path("records").asLong(), calls.size());
        byEndpoint(calls).forEach((endpoint, count) -> System.out.printf("  %6d  %s%n", count, endpoint));
    }

    /** The connection's last scheduled run, once one created after {@code after} is done. */
    private static JsonNode awaitScheduledRunAfter(String ferry, String key, String connection, Instant after)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(12).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode source : DeliveryBench.call(ferry, key, "GET", "/api/v1/data-sources", "", 200).path("dataSources")) {
                JsonNode run = source.path("lastRun");
                if (source.path("connection").asString().equals(connection) && "done".equals(run.path("state").asString())
                        && Instant.parse(run.path("createdAt").asString()).isAfter(after)) {
                    return run;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("no scheduled run finished after " + after);
    }

    /** Until the schedule's first run, which may have started before the pause, has ended. */
    private static void awaitNoOpenJob(String ferry, String key, String connection) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            boolean open = false;
            for (JsonNode source : DeliveryBench.call(ferry, key, "GET", "/api/v1/data-sources", "", 200)
                    .path("dataSources")) {
                open |= source.path("connection").asString().equals(connection)
                        && source.path("lastRun").path("state").asString().matches("queued|running|waiting");
            }
            if (!open) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /** Calls by method and path, with ids replaced by {id}, most frequent first. */
    private static Map<String, Long> byEndpoint(List<RecordedCall> calls) {
        Map<String, Long> counts = new TreeMap<>();
        for (RecordedCall call : calls) {
            counts.merge(call.method() + " " + call.path().replaceAll("/\\d{4,}(?=/|$)", "/{id}"), 1L, Long::sum);
        }
        return counts;
    }

    /** The Ferry process's used heap (KB) right after a full collection, as {@code jcmd GC.heap_info} tells it. */
    static long heapAfterGc(Process process) throws Exception {
        jcmd(process, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(process, "GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) : -1;
    }

    private static String jcmd(Process process, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process run = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command).redirectErrorStream(true)
                .start();
        String out = new String(run.getInputStream().readAllBytes());
        run.waitFor();
        return out;
    }

    private static Process start(Map<String, String> options, JiraSimulator jira, String database, int port, Path work)
            throws Exception {
        return start(options, jira, database, port, work, List.of("--ferry.ingest.poll-interval=200ms",
                "--ferry.ingest.every=1m", "--ferry.ingest.first-run-days=1"));
    }

    /** Starts the Ferry jar against the simulator, with the bench's settings and {@code settings} of its own. */
    static Process start(Map<String, String> options, JiraSimulator jira, String database, int port, Path work,
            List<String> settings) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options.getOrDefault("jvm", "-Xmx1g").split(" ")));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        command.addAll(List.of("-jar", Path.of(options.getOrDefault("jar", "app/target/ferry.jar")).toAbsolutePath().toString(),
                "--server.port=" + port, "--management.server.port=0", "--ferry.base-url=http://127.0.0.1:" + port,
                "--spring.datasource.url=" + database, "--ferry.secret-key=" + Base64.getEncoder().encodeToString(key),
                "--ferry.admin.operator-token=" + OPERATOR, "--ferry.outbound.allowed-hosts=127.0.0.1",
                "--ferry.connections.gateway-url=" + jira.gatewayUrl(),
                // Jira Cloud's budget is by cost points, far above Ferry's cautious default of 10 calls a second;
                // what is measured here is Ferry's own work per record, not a throttle.
                "--ferry.jira.requests-per-second=" + options.getOrDefault("budget", "1000"), "--logging.level.root=WARN"));
        command.addAll(settings);
        return new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("ferry.log").toFile())).start();
    }
}
