package dev.ferry.bench;

import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.PersonActions;
import dev.ferry.simulator.RecordedCall;
import dev.ferry.simulator.rest.Users;
import dev.ferry.support.ConfigurePageVisit;
import java.io.IOException;
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
 * Ticket delivery benchmark whose verdict is about Ferry. Simulated Jira sites, one organization per site with one
 * destination, and product events (each object fires twice: a ticket, then a comment).
 * <ol>
 * <li>Events: Ferry runs with its delivery workers off; a warm-up round of events is posted, then the measured
 * round: Ferry's CPU (its process, from the operating system), SQL statements and commits per posted event.</li>
 * <li>Deliveries: Ferry restarts on the same database with its workers on and drains the outbox. The first
 * {@code warmup} deliveries warm the JVM up; from then until the last delivery is in Jira: Ferry's CPU, Jira calls,
 * SQL statements and commits per delivery, and the share of the sites' request budget used, with what limited the
 * run: the budget, Ferry's CPU, the simulator's CPU, or the machine (other processes). Meanwhile people work on
 * every site, so its webhooks reach Ferry as a live site's do ({@link SiteActivity}; {@code --quiet-sites}: none).</li>
 * </ol>
 * {@code --stub} answers the deliveries' Jira calls from {@link JiraStub} (canned JSON, no checks) instead of the
 * simulator, which costs a few milliseconds of CPU per call and would otherwise set the ceiling on two cores.
 * Run it with {@code bench/deliveries.sh}; options: {@code --mode=20x10|4x100} (sites × requests/s per site),
 * {@code --sites= --budget=} (override the mode), {@code --events= --warmup= --latency=50 --stub --quiet-sites --events-only --profile-events=FILE.jfr --profile-deliveries=FILE.jfr --workers=160
 * --database=h2|h2-unforced|postgres --h2-settings=;PAGE_SIZE=2048 --schema=ferry_bench --management-port=0 --jvm=... --jar=app/target/ferry.jar}.
 */
public final class DeliveryBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String OPERATOR = "bench-operator-token";
    /** Below this share of the budget the run did not keep the sites busy; at or above it, the budget limited it. */
    private static final double BUDGET_TARGET = 0.90;
    /** A machine this busy (all cores) is the limit. */
    private static final double MACHINE_BUSY = 0.85;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String mode = options.getOrDefault("mode", "20x10");
        String[] preset = mode.split("x");
        int siteCount = Integer.parseInt(options.getOrDefault("sites", preset[0]));
        int budget = Integer.parseInt(options.getOrDefault("budget", preset[1]));
        // About 25 s of deliveries at the budget (2.5 calls each), half as many again to warm up.
        int events = even(Integer.parseInt(options.getOrDefault("events", String.valueOf(siteCount * budget * 10))));
        int warmup = even(Integer.parseInt(options.getOrDefault("warmup", String.valueOf(events / 2))));
        Duration latency = Duration.ofMillis(Long.parseLong(options.getOrDefault("latency", "50")));
        boolean stub = options.containsKey("stub");
        quietLogs();
        List<JiraSimulator> simulators = new ArrayList<>();
        for (int i = 0; i < siteCount; i++) {
            JiraSimulator jira = JiraSimulator.start();
            jira.skipSpecCheck();
            jira.latency(latency);
            simulators.add(jira);
        }
        Path work = Files.createTempDirectory("ferry-delivery-bench");
        String database = database(options, work);
        byte[] secretKey = new byte[32];
        new SecureRandom().nextBytes(secretKey);
        Ferry ferry = Ferry.start(options, simulators, database, budget, work, secretKey, false, WebhookBench.freePort());
        Sites sites = null;
        SiteActivity activity = null;
        try {
            ferry.awaitHealthy();
            List<String> keys = new ArrayList<>();
            for (JiraSimulator jira : simulators) {
                keys.add(connect(ferry.url(), jira));
            }
            System.out.printf("%d sites × %d requests/s, %d ms per Jira answer (%s), %s; %d warm-up + %d measured events%n",
                    siteCount, budget, latency.toMillis(), stub ? "stub" : "simulator", options.getOrDefault("database", "h2"),
                    warmup, events);

            post(ferry.url(), keys, 0, warmup);
            Idle idle = Idle.measure(ferry);
            ferry.profile("start", options.get("profile-events"));
            Snapshot before = ferry.snapshot();
            Map<String, ThreadCpu.Sample> threadsBefore = ThreadCpu.sample(ferry.process().pid());
            double postSeconds = post(ferry.url(), keys, warmup, events);
            Map<String, Long> byThreads = ThreadCpu.spentBetween(threadsBefore, ThreadCpu.sample(ferry.process().pid()));
            Snapshot after = ferry.snapshot();
            ferry.profile("stop", options.get("profile-events"));
            double cpuPerEvent = (after.ferryCpuNanos() - before.ferryCpuNanos()) / 1e6 / events;
            System.out.printf("EVENTS  posted %d in %.1f s (%.0f/s, 16 threads, workers off): Ferry CPU %.2f ms per event "
                    + "(%.2f ms net of what it spends idle), %.1f SQL statements and %.1f commits per event%n", events,
                    postSeconds, events / postSeconds, cpuPerEvent, cpuPerEvent - idle.cpuMillisPerSecond() * postSeconds / events,
                    (after.statements() - before.statements()) / events, (after.commits() - before.commits()) / events);
            System.out.println("  Ferry CPU per event by threads (ms): " + byThreads(byThreads, events));
            System.out.println("  idle, workers off: " + idle);
            ferry.stop();
            if (options.containsKey("events-only")) {
                return;
            }
            if (database.startsWith("jdbc:postgresql:")) {
                // The deliveries' tables grew from empty while the events were posted.
                BenchOptions.analyzeWithoutAutovacuum(database, schema(options), List.of());
            }

            simulators.forEach(JiraSimulator::reset);
            sites = stub ? Sites.stubs(simulators, latency, database) : Sites.simulated(simulators);
            ferry = Ferry.start(options, simulators, database, budget, work, secretKey, true, ferry.port());
            ferry.awaitHealthy();
            if (!options.containsKey("quiet-sites")) {
                activity = SiteActivity.start(simulators);
            }
            int total = warmup + events;
            sites.awaitDeliveries(warmup, Duration.ofMinutes(10));
            ferry.profile("start", options.get("profile-deliveries"));
            Window window = Window.open(ferry, sites);
            sites.awaitDeliveries(total, Duration.ofMinutes(20));
            Window.Closed measured = window.close();
            ferry.profile("stop", options.get("profile-deliveries"));
            Idle drained = Idle.measure(ferry);
            if (activity != null) {
                activity.close(); // before Ferry stops: a webhook sent to a stopped Ferry fails loudly
            }
            ferry.stop();
            boolean ok = report(sites, measured, siteCount, budget, total);
            System.out.println("  idle once drained, workers on (polling an empty outbox): " + drained);
            System.out.println("Ferry's log: " + work.resolve("ferry.log"));
            if (!ok) {
                System.exit(1);
            }
        } finally {
            if (activity != null) {
                activity.close();
            }
            ferry.kill();
            if (sites != null) {
                sites.close();
            }
            simulators.forEach(JiraSimulator::close);
        }
    }

    private static boolean report(Sites sites, Window.Closed window, int siteCount, int budget, int total) {
        long deliveries = window.deliveries();
        double seconds = window.seconds();
        double budgetUse = window.calls() / (seconds * budget * siteCount);
        int cores = Runtime.getRuntime().availableProcessors();
        double ferryCores = window.ferryCpuNanos() / 1e9 / seconds;
        double harnessCores = window.harnessCpuNanos() / 1e9 / seconds;
        double machineCores = window.machineBusy() * cores;
        double otherCores = Math.max(0, machineCores - ferryCores - harnessCores);
        System.out.printf("DELIVERIES  measured %d deliveries in %.1f s (%.1f/s) after the warm-up%n", deliveries, seconds,
                deliveries / seconds);
        System.out.printf("  Ferry CPU %.2f ms per delivery; %.2f Jira calls, %.1f SQL statements, %.1f commits per delivery%n",
                window.ferryCpuNanos() / 1e6 / deliveries, (double) window.calls() / deliveries,
                window.statements() / deliveries, window.commits() / deliveries);
        System.out.println("  Ferry CPU per delivery by threads (ms): " + byThreads(window.byThreads(), deliveries));
        System.out.printf("  budget used %.1f%% of %d sites × %d requests/s%n", 100 * budgetUse, siteCount, budget);
        System.out.printf("  CPU (cores of %d): Ferry %.2f, simulated sites and this harness %.2f, other processes %.2f; "
                + "machine %.0f%% busy%n", cores, ferryCores, harnessCores, otherCores, 100 * window.machineBusy());
        System.out.printf("  tickets %d, comments %d (of %d each), duplicates %d%n", sites.tickets(), sites.comments(),
                total / 2, sites.duplicates());
        if (!sites.callsByKind().isEmpty()) {
            System.out.println("  Jira calls by kind, whole run: " + sites.callsByKind());
        }
        if (!sites.unexpected().isEmpty()) {
            System.out.println("  calls the stub does not answer (404): " + sites.unexpected());
        }
        String limit;
        if (budgetUse >= BUDGET_TARGET) {
            limit = "the budget (Ferry used it, as it should)";
        } else if (window.machineBusy() >= MACHINE_BUSY) {
            limit = ferryCores >= harnessCores && ferryCores >= otherCores ? "Ferry's CPU (the machine was busy, Ferry most)"
                    : harnessCores >= otherCores ? "the simulator's CPU (the machine was busy, the simulated sites most)"
                            : "the machine (busy, other processes most)";
        } else {
            limit = "Ferry, not CPU-bound: its workers, lanes or claims left budget unused";
        }
        System.out.println("  limited by: " + limit);
        boolean ok = sites.duplicates() == 0 && sites.tickets() == total / 2 && sites.comments() == total / 2;
        System.out.println(ok ? "OK: 0 duplicates, every ticket and comment filed" : "FAILED: duplicates or missing deliveries");
        return ok;
    }

    /** "group ms, …" per unit of work; groups under 0.05 ms left out. */
    private static String byThreads(Map<String, Long> byThreads, long units) {
        return byThreads.entrySet().stream().filter(group -> group.getValue() / 1e6 / units >= 0.05)
                .map(group -> String.format("%s %.2f", group.getKey(), group.getValue() / 1e6 / units))
                .collect(Collectors.joining(", "));
    }

    private static int even(int n) {
        return n + (n % 2);
    }

    private static String schema(Map<String, String> options) {
        return options.getOrDefault("schema", "ferry_bench");
    }

    private static String database(Map<String, String> options, Path work) throws Exception {
        String kind = options.getOrDefault("database", "h2");
        String file = work.resolve("data/ferry").toAbsolutePath().toString();
        return switch (kind) {
            case "postgres" -> {
                String schema = schema(options);
                String url = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=" + schema;
                try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
                    statement.execute("drop schema if exists " + schema + " cascade");
                    statement.execute("create schema " + schema);
                }
                yield url;
            }
            case "h2-unforced" -> "jdbc:h2:nio:" + file + ";WRITE_DELAY=0";
            // The settings of Ferry's default URL (application.yml), and any an operator might add (--h2-settings=).
            default -> "jdbc:h2:file:" + file + ";QUERY_CACHE_SIZE=64" + options.getOrDefault("h2-settings", "");
        };
    }

    /** The Ferry process under test, with its management port (Actuator) for the SQL counters. */
    private record Ferry(Process process, int port, int managementPort) {

        /** On {@code port}: a restart keeps the address the sites send their webhooks to. */
        static Ferry start(Map<String, String> options, List<JiraSimulator> sites, String database, int budget, Path work,
                byte[] key, boolean workers, int port) throws IOException {
            int management = Integer.parseInt(options.getOrDefault("management-port", "0"));
            management = management == 0 ? WebhookBench.freePort() : management;
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of(options.getOrDefault("jvm", "-Xmx1g").split(" ")));
            command.addAll(List.of("-jar", Path.of(options.getOrDefault("jar", "app/target/ferry.jar")).toAbsolutePath().toString(),
                    "--server.port=" + port, "--ferry.base-url=http://127.0.0.1:" + port,
                    "--management.server.port=" + management, "--management.endpoints.web.exposure.include=health,metrics",
                    "--ferry.diagnostics.count-sql=true",
                    "--spring.datasource.url=" + database, "--ferry.secret-key=" + Base64.getEncoder().encodeToString(key),
                    "--ferry.connect.install-keys-urls=" + sites.stream().map(JiraSimulator::installKeysUrl)
                            .collect(Collectors.joining(",")),
                    // A cold simulator on a loaded machine may take longer than the production key-fetch budget.
                    "--ferry.connect.install-keys-timeout=15s", "--ferry.admin.operator-token=" + OPERATOR,
                    "--ferry.jira.requests-per-second=" + budget,
                    // The outbound guard lets Ferry call Atlassian Cloud only; the simulated sites are on loopback.
                    "--ferry.outbound.allowed-hosts=127.0.0.1",
                    "--ferry.delivery.worker-enabled=" + workers,
                    "--ferry.delivery.worker-threads=" + options.getOrDefault("workers", "160"),
                    "--ferry.delivery.poll-interval=200ms", "--ferry.panels.glance-worker-threads=16",
                    "--ferry.panels.glance-poll-interval=100ms", "--spring.datasource.hikari.maximum-pool-size=48",
                    // One product posting from 16 threads and one address as fast as answered: what is measured is
                    // Ferry's cost, so the product API's request limits stay out of the way.
                    "--ferry.admin.limits.per-key=1000000/1s", "--ferry.admin.limits.per-address=1000000/1s",
                    "--logging.level.root=WARN"));
            // --ferry.x=y and --spring.x=y go to Ferry as they are, after the above, so they win.
            options.forEach((name, value) -> {
                if (name.startsWith("ferry.") || name.startsWith("spring.")) {
                    command.add("--" + name + "=" + value);
                }
            });
            Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("ferry.log").toFile())).start();
            return new Ferry(process, port, management);
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        void awaitHealthy() throws Exception {
            URI health = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health");
            // A loaded machine may take minutes to start it (Flyway's migrations on a fresh database).
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Ferry exited with " + process.exitValue() + "; see ferry.log");
                }
                try {
                    if (HTTP.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("Ferry did not become healthy");
        }

        Snapshot snapshot() {
            return new Snapshot(cpuNanos(), meter("ferry.sql.statements"), meter("ferry.sql.commits"));
        }

        /** The process's user and system CPU time so far, as the operating system counts it. */
        long cpuNanos() {
            return cpu(process).toNanos();
        }

        double meter(String name) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/actuator/metrics/" + name)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return Double.NaN;
                }
                return JSON.readTree(response.body()).path("measurements").path(0).path("value").asDouble();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("cannot read " + name + " from the management port", e);
            }
        }

        /** With a file named, a Java Flight Recording of the measured round only ({@code jcmd}, profile settings). */
        void profile(String action, String file) throws IOException, InterruptedException {
            if (file == null) {
                return;
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "JFR." + action, "name=bench"));
            command.addAll(action.equals("start") ? List.of("settings=profile") : List.of("filename=" + Path.of(file).toAbsolutePath()));
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }

        void stop() throws InterruptedException {
            WebhookBench.stop(process);
        }

        void kill() {
            process.destroyForcibly();
        }
    }

    private record Snapshot(long ferryCpuNanos, double statements, double commits) {
    }

    /** What Ferry spends with nothing to do, over a few seconds: its schedulers and pollers. */
    private record Idle(double cpuMillisPerSecond, double statementsPerSecond, double commitsPerSecond) {

        static final Duration SPAN = Duration.ofSeconds(5);

        static Idle measure(Ferry ferry) throws InterruptedException {
            Snapshot start = ferry.snapshot();
            long began = System.nanoTime();
            Thread.sleep(SPAN.toMillis());
            Snapshot end = ferry.snapshot();
            double seconds = (System.nanoTime() - began) / 1e9;
            return new Idle((end.ferryCpuNanos() - start.ferryCpuNanos()) / 1e6 / seconds,
                    (end.statements() - start.statements()) / seconds, (end.commits() - start.commits()) / seconds);
        }

        @Override
        public String toString() {
            return String.format("Ferry CPU %.1f ms per second, %.1f SQL statements and %.1f commits per second",
                    cpuMillisPerSecond, statementsPerSecond, commitsPerSecond);
        }
    }

    /** The measured round of the drain: what Ferry, this JVM and the machine spent from its start to its end. */
    private record Window(Ferry ferry, Sites sites, long startNanos, Snapshot ferryAt, long harnessCpuNanos, long[] machine,
            long deliveries, long calls, Map<String, ThreadCpu.Sample> threadsAt) {

        static Window open(Ferry ferry, Sites sites) throws IOException {
            return new Window(ferry, sites, System.nanoTime(), ferry.snapshot(), ownCpuNanos(), machineTicks(),
                    sites.deliveries(), sites.calls(), ThreadCpu.sample(ferry.process().pid()));
        }

        Closed close() throws IOException {
            long deliveriesNow = sites.deliveries();
            long callsNow = sites.calls();
            long[] machineNow = machineTicks();
            Snapshot ferryNow = ferry.snapshot();
            Map<String, Long> byThreads = ThreadCpu.spentBetween(threadsAt, ThreadCpu.sample(ferry.process().pid()));
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            long busy = machineNow[0] - machine[0];
            long all = machineNow[1] - machine[1];
            return new Closed(seconds, deliveriesNow - deliveries, callsNow - calls,
                    ferryNow.ferryCpuNanos() - ferryAt.ferryCpuNanos(), ownCpuNanos() - harnessCpuNanos,
                    ferryNow.statements() - ferryAt.statements(), ferryNow.commits() - ferryAt.commits(),
                    all == 0 ? 0 : (double) busy / all, byThreads);
        }

        record Closed(double seconds, long deliveries, long calls, long ferryCpuNanos, long harnessCpuNanos,
                double statements, double commits, double machineBusy, Map<String, Long> byThreads) {
        }

        /** Busy and total jiffies of every core, from {@code /proc/stat}; zeros where there is none. */
        static long[] machineTicks() throws IOException {
            Path stat = Path.of("/proc/stat");
            if (!Files.exists(stat)) {
                return new long[] {0, 0};
            }
            String[] fields = Files.readAllLines(stat).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                all += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {all - idle, all};
        }

        private static long ownCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }

    /** Where the deliveries land: the simulated sites, or stubs standing in for them. */
    private interface Sites extends AutoCloseable {

        long deliveries();

        long calls();

        long tickets();

        long comments();

        long duplicates();

        List<String> unexpected();

        /** Calls by method, path (numbers as {@code N}) and status over the whole run; empty where not recorded. */
        default Map<String, Long> callsByKind() {
            return Map.of();
        }

        @Override
        void close();

        default void awaitDeliveries(long wanted, Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            while (deliveries() < wanted) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + deliveries() + " of " + wanted + " deliveries reached Jira within "
                            + patience);
                }
                Thread.sleep(50);
            }
        }

        static Sites simulated(List<JiraSimulator> simulators) {
            return new SimulatedSites(simulators);
        }

        /** One stub per site; the sites' base URL in Ferry's database now points at its stub. */
        static Sites stubs(List<JiraSimulator> simulators, Duration latency, String database) throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(96);
            List<JiraStub> stubs = new ArrayList<>();
            try (var connection = DriverManager.getConnection(database);
                 var update = connection.prepareStatement("update site set base_url = ? where base_url = ?")) {
                for (JiraSimulator jira : simulators) {
                    JiraStub stub = new JiraStub(latency, threads);
                    stubs.add(stub);
                    update.setString(1, stub.baseUrl());
                    update.setString(2, jira.baseUrl());
                    if (update.executeUpdate() != 1) {
                        throw new IllegalStateException("no site with base URL " + jira.baseUrl());
                    }
                }
            }
            return new StubSites(stubs, threads);
        }
    }

    private record StubSites(List<JiraStub> stubs, ExecutorService threads) implements Sites {

        @Override
        public long deliveries() {
            return stubs.stream().mapToLong(JiraStub::deliveries).sum();
        }

        @Override
        public long calls() {
            return stubs.stream().mapToLong(JiraStub::calls).sum();
        }

        @Override
        public long tickets() {
            return stubs.stream().mapToLong(JiraStub::tickets).sum();
        }

        @Override
        public long comments() {
            return stubs.stream().mapToLong(JiraStub::comments).sum();
        }

        @Override
        public long duplicates() {
            return stubs.stream().mapToLong(JiraStub::duplicates).sum();
        }

        @Override
        public List<String> unexpected() {
            return stubs.stream().flatMap(stub -> stub.unexpected().stream()).distinct().toList();
        }

        @Override
        public void close() {
            stubs.forEach(JiraStub::close);
            threads.shutdownNow();
        }
    }

    /** Counts what the simulators recorded; each poll reads only the calls recorded since the last. */
    private static final class SimulatedSites implements Sites {

        private final List<JiraSimulator> simulators;
        private final int[] seen;
        private final List<Map<String, Integer>> summaries = new ArrayList<>();
        private final Map<String, Long> byKind = new java.util.TreeMap<>();
        private long calls;
        private long tickets;
        private long comments;

        SimulatedSites(List<JiraSimulator> simulators) {
            this.simulators = simulators;
            this.seen = new int[simulators.size()];
            simulators.forEach(jira -> summaries.add(new HashMap<>()));
        }

        private synchronized void refresh() {
            for (int i = 0; i < simulators.size(); i++) {
                List<RecordedCall> recorded = simulators.get(i).calls();
                for (RecordedCall call : recorded.subList(seen[i], recorded.size())) {
                    calls++;
                    byKind.merge(call.method() + " " + call.path().replaceAll("[0-9]+", "N") + " " + call.status(), 1L,
                            Long::sum);
                    if (call.status() / 100 == 2 && call.method().equals("POST")) {
                        if (call.path().equals("/rest/api/3/issue")) {
                            tickets++;
                            summaries.get(i).merge(JSON.readTree(call.body()).path("fields").path("summary").asString(), 1,
                                    Integer::sum);
                        } else if (call.path().endsWith("/comment")) {
                            comments++;
                        }
                    }
                }
                seen[i] = recorded.size();
            }
        }

        @Override
        public synchronized long deliveries() {
            refresh();
            return tickets + comments;
        }

        @Override
        public synchronized long calls() {
            refresh();
            return calls;
        }

        @Override
        public synchronized long tickets() {
            refresh();
            return tickets;
        }

        @Override
        public synchronized long comments() {
            refresh();
            return comments;
        }

        @Override
        public synchronized Map<String, Long> callsByKind() {
            refresh();
            return new java.util.TreeMap<>(byKind);
        }

        @Override
        public synchronized long duplicates() {
            refresh();
            return summaries.stream().flatMap(bySummary -> bySummary.values().stream()).mapToLong(count -> count - 1).sum();
        }

        @Override
        public List<String> unexpected() {
            return List.of();
        }

        @Override
        public void close() {
            // the simulators are closed by main
        }
    }

    /**
     * People at work on every site, as on a live one: each site sends Ferry a webhook (a comment on an issue of
     * their own) every {@link #EVERY}, so Ferry sees its webhooks arriving and trusts the ticket statuses they keep
     * ({@code ferry.delivery.webhook-status-trusted-for}). {@code --quiet-sites} leaves them out.
     */
    private static final class SiteActivity implements AutoCloseable {

        private static final Duration EVERY = Duration.ofSeconds(2);

        private final Thread thread;

        private SiteActivity(Thread thread) {
            this.thread = thread;
        }

        static SiteActivity start(List<JiraSimulator> simulators) {
            Thread thread = new Thread(() -> {
                List<PersonActions> people = simulators.stream().map(PersonActions::new).toList();
                List<String> issues = people.stream()
                        .map(person -> person.createIssue(Users.ADMIN_ACCOUNT_ID, "FERRY", "Someone's own work")).toList();
                while (!Thread.currentThread().isInterrupted()) {
                    for (int i = 0; i < people.size(); i++) {
                        people.get(i).comment(Users.ADMIN_ACCOUNT_ID, issues.get(i), "still at it");
                    }
                    try {
                        Thread.sleep(EVERY.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "site-activity");
            thread.setDaemon(true);
            thread.start();
            return new SiteActivity(thread);
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    /** A Ferry process's CPU time so far (user and system), as the operating system counts it. */
    static Duration cpu(Process process) {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The simulators' request logging would cost more CPU than the benchmark measures. */
    static void quietLogs() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
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

    /**
     * Posts events {@code first} to {@code first + count - 1} from 16 threads; every object fires twice (event n is
     * about object n / 2): the first firing files a ticket, the second comments on it. Answers the seconds taken.
     */
    /**
     * Posts events {@code first} to {@code first + count} (both even): each object of the block fires once, then each
     * again, so a block drains as its tickets then their comments. A measured block drained after the warm-up block
     * thus holds as many tickets as comments, which cost differently.
     */
    private static double post(String ferry, List<String> keys, int first, int count) throws Exception {
        long start = System.nanoTime();
        ExecutorService posters = Executors.newFixedThreadPool(16);
        List<Future<?>> posted = new ArrayList<>();
        int objects = count / 2;
        for (int i = 0; i < count; i++) {
            int subject = first / 2 + i % objects;
            posted.add(posters.submit(() -> call(ferry, keys.get(subject % keys.size()), "POST", "/api/v1/events",
                    event(subject), 202)));
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
