package dev.ferry.bench;

import dev.ferry.simulator.JiraSimulator;
import dev.ferry.support.ConfigurePageVisit;
import dev.ferry.simulator.RecordedCall;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ticket delivery benchmark: simulated Jira sites answering every call after a fixed latency, one
 * organization per site with one destination, and a stream of product events (each object fires twice, so
 * half become tickets and half comments). It measures the time until every ticket and comment is in Jira,
 * checks that no object got two tickets, and how much of each site's request budget Ferry used.
 * Run it with {@code bench/deliveries.sh}; options: {@code --sites=20 --events=10000 --latency=50
 * --budget=100 --workers=160 --database=h2|h2-unforced|postgres --jvm=... --jar=app/target/ferry.jar}.
 */
public final class DeliveryBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String OPERATOR = "bench-operator-token";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int siteCount = Integer.parseInt(options.getOrDefault("sites", "20"));
        int events = Integer.parseInt(options.getOrDefault("events", "10000"));
        int budget = Integer.parseInt(options.getOrDefault("budget", "100"));
        Duration latency = Duration.ofMillis(Long.parseLong(options.getOrDefault("latency", "50")));
        quietLogs();
        List<JiraSimulator> sites = new ArrayList<>();
        for (int i = 0; i < siteCount; i++) {
            JiraSimulator jira = JiraSimulator.start();
            jira.skipSpecCheck();
            jira.latency(latency);
            sites.add(jira);
        }
        Path work = Files.createTempDirectory("ferry-delivery-bench");
        BenchOptions databaseOptions = BenchOptions.parse(new String[] {"--database=" + options.getOrDefault("database", "h2")});
        String database = databaseOptions.databaseUrl(work);
        databaseOptions.resetDatabase();
        int port = WebhookBench.freePort();
        String ferry = "http://127.0.0.1:" + port;
        byte[] secretKey = new byte[32];
        new SecureRandom().nextBytes(secretKey);
        // First the events go in with the workers off; then Ferry restarts on the same database and drains
        // them, so the drain is measured on its own and the outbox is shown to survive a restart.
        Process process = start(options, sites, database, port, budget, work, secretKey, false);
        try {
            WebhookBench.awaitHealthy(port);
            List<String> keys = new ArrayList<>();
            for (JiraSimulator jira : sites) {
                keys.add(connect(ferry, jira));
            }
            System.out.printf("%d sites, %d ms per Jira answer, budget %d requests/s per site; posting %d events …%n",
                    siteCount, latency.toMillis(), budget, events);
            double postSeconds = post(ferry, keys, events);
            System.out.printf("posted %d events in %.1f s (%.0f events/s), workers off%n", events, postSeconds,
                    events / postSeconds);
            WebhookBench.stop(process);
            sites.forEach(JiraSimulator::reset);
            process = start(options, sites, database, port, budget, work, secretKey, true);
            WebhookBench.awaitHealthy(port);
            long start = System.nanoTime();
            Duration ferryCpu = cpu(process);
            long simulatorCpu = ownCpuNanos();
            int subjects = events / 2;
            awaitDelivered(sites, subjects, events - subjects, Duration.ofMinutes(10));
            double elapsed = (System.nanoTime() - start) / 1e9;
            ferryCpu = cpu(process).minus(ferryCpu);
            simulatorCpu = ownCpuNanos() - simulatorCpu;
            WebhookBench.stop(process);
            System.out.printf("CPU while draining: Ferry %.1f s (%.1f ms per delivery), simulators and this harness %.1f s%n",
                    ferryCpu.toMillis() / 1e3, (double) ferryCpu.toMillis() / events, simulatorCpu / 1e9);
            report(sites, database, elapsed, budget, subjects);
        } finally {
            process.destroyForcibly();
            sites.forEach(JiraSimulator::close);
        }
    }

    /** The Ferry process's CPU time so far (user and system), as the operating system counts it. */
    static Duration cpu(Process process) {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The simulators' request logging would cost more CPU than the benchmark measures. */
    static void quietLogs() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    private static Process start(Map<String, String> options, List<JiraSimulator> sites, String database, int port,
            int budget, Path work, byte[] key, boolean workers) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options.getOrDefault("jvm", "-Xmx1g").split(" ")));
        command.addAll(List.of("-jar", Path.of(options.getOrDefault("jar", "app/target/ferry.jar")).toAbsolutePath().toString(),
                "--server.port=" + port, "--management.server.port=0", "--ferry.base-url=http://127.0.0.1:" + port,
                "--spring.datasource.url=" + database, "--ferry.secret-key=" + Base64.getEncoder().encodeToString(key),
                "--ferry.connect.install-keys-urls=" + sites.stream().map(JiraSimulator::installKeysUrl)
                        .collect(Collectors.joining(",")),
                // A cold simulator on a loaded machine may take longer than the production key-fetch budget.
                "--ferry.connect.install-keys-timeout=15s", "--ferry.admin.operator-token=" + OPERATOR, "--ferry.jira.requests-per-second=" + budget,
                // The outbound guard lets Ferry call Atlassian Cloud only; the simulated sites are on loopback.
                "--ferry.outbound.allowed-hosts=127.0.0.1",
                "--ferry.delivery.worker-enabled=" + workers,
                "--ferry.delivery.worker-threads=" + options.getOrDefault("workers", "160"),
                "--ferry.delivery.poll-interval=200ms", "--ferry.panels.glance-worker-threads=16",
                "--ferry.panels.glance-poll-interval=100ms", "--spring.datasource.hikari.maximum-pool-size=48",
                // One product posting from 16 threads and one address as fast as answered: what is measured is
                // the delivery, so the product API's request limits stay out of the way.
                "--ferry.admin.limits.per-key=1000000/1s", "--ferry.admin.limits.per-address=1000000/1s",
                "--logging.level.root=WARN"));
        return new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("ferry.log").toFile())).start();
    }

    /** One organization per site: install, link, one destination in project FERRY. Answers its API key. */
    private static String connect(String ferry, JiraSimulator jira) throws Exception {
        var installed = jira.site().install(ferry);
        if (installed.status() != 204) {
            throw new IllegalStateException("install failed: " + installed.status() + " " + installed.body());
        }
        JsonNode organization = call(ferry, OPERATOR, "POST", "/api/v1/organizations", "{\"name\":\"Bench\"}", 201);
        String key = organization.path("apiKey").path("key").asString();
        String clientKey = jira.site().identity().clientKey();
        call(ferry, key, "POST", "/api/v1/sites", "{\"site\":\"" + clientKey + "\"}", 202);
        if (ConfigurePageVisit.confirmEveryRequest(jira.site().configurePageUrl()) != 1) {
            throw new IllegalStateException("the site's administrator could not confirm the link");
        }
        call(ferry, key, "POST", "/api/v1/destinations", "{\"site\":\"" + clientKey + "\",\"projectKey\":\"FERRY\"}", 201);
        return key;
    }

    /** Every object fires twice: the first firing files a ticket, the second comments on it. */
    private static double post(String ferry, List<String> keys, int events) throws Exception {
        long start = System.nanoTime();
        ExecutorService posters = Executors.newFixedThreadPool(16);
        List<Future<?>> posted = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            int n = i;
            posted.add(posters.submit(() -> {
                int subject = (n / 2);
                String key = keys.get(subject % keys.size());
                return call(ferry, key, "POST", "/api/v1/events", event(subject), 202);
            }));
        }
        for (Future<?> future : posted) {
            future.get();
        }
        posters.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }

    private static String event(int subject) {
        return """
                {"type":"experiment.guardrail_breached",
                 "subject":{"type":"experiment","id":"exp-%d","title":"Experiment %d","url":"https://exp.example/%d"},
                 "variables":{"experimentName":"Experiment %d","guardrailMetric":"Error rate","observedValue":0.05,
                   "thresholdValue":0.03,"breachDirection":"above","detectedAt":"2026-11-25T10:00:00Z",
                   "resultsUrl":"https://exp.example/%d/results"}}""".formatted(subject, subject, subject, subject, subject);
    }

    private static void awaitDelivered(List<JiraSimulator> sites, int tickets, int comments, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            long created = 0;
            long commented = 0;
            for (JiraSimulator jira : sites) {
                for (RecordedCall call : jira.calls()) {
                    if (call.status() / 100 == 2 && call.method().equals("POST")) {
                        created += call.path().equals("/rest/api/3/issue") ? 1 : 0;
                        commented += call.path().endsWith("/comment") ? 1 : 0;
                    }
                }
            }
            if (created >= tickets && commented >= comments) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not every delivery reached Jira within " + patience);
    }

    private static void report(List<JiraSimulator> sites, String database, double elapsed, int budget, int subjects)
            throws Exception {
        long tickets = 0;
        long comments = 0;
        long calls = 0;
        long duplicates = 0;
        for (JiraSimulator jira : sites) {
            Map<String, Integer> bySummary = new HashMap<>();
            for (RecordedCall call : jira.calls()) {
                calls++;
                if (call.status() / 100 == 2 && call.method().equals("POST") && call.path().equals("/rest/api/3/issue")) {
                    tickets++;
                    bySummary.merge(JSON.readTree(call.body()).path("fields").path("summary").asString(), 1, Integer::sum);
                }
                comments += call.status() / 100 == 2 && call.path().endsWith("/comment") ? 1 : 0;
            }
            duplicates += bySummary.values().stream().mapToInt(count -> count - 1).sum();
        }
        long done = count(database, "select count(*) from ticket_delivery where status = 'DONE'");
        long all = count(database, "select count(*) from ticket_delivery");
        System.out.printf("drained in %.1f s: from the restart with workers on until every ticket and comment was in Jira%n", elapsed);
        System.out.printf("tickets created %d (objects %d), comments added %d, duplicates found %d%n", tickets,
                subjects, comments, duplicates);
        System.out.printf("deliveries done %d of %d%n", done, all);
        System.out.printf("Jira calls %d; budget used %.1f%% of %d sites x %d requests/s over %.1f s%n", calls,
                100.0 * calls / (elapsed * budget * sites.size()), sites.size(), budget, elapsed);
        if (duplicates != 0 || tickets != subjects) {
            System.out.println("FAILED: duplicates or missing tickets");
            System.exit(1);
        }
    }

    private static long count(String database, String sql) throws Exception {
        try (var connection = DriverManager.getConnection(database); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static JsonNode call(String ferry, String key, String method, String path, String body, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ferry + path))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (expected != 0 && response.statusCode() != expected || response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.merge(pair[0], pair.length > 1 ? pair[1] : "true", (a, b) -> a + " " + b);
        }
        return options;
    }

    private DeliveryBench() {
    }
}
