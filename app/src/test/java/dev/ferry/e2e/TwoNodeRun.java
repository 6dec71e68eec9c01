package dev.ferry.e2e;

import dev.ferry.jira.JiraClient;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.webhook.Delivery;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Two Ferry nodes on one PostgreSQL schema behind one simulated Jira site, the scenario {@link TwoNodesIT}
 * asserts and {@code bench/nodes.sh} measures. A product posts events to the nodes in turn (each object fires
 * twice: a ticket, then a comment on it) and Jira sends webhooks to them in turn. Once part of the traffic
 * is acknowledged, one node gets SIGKILL; what was sent to it and not answered goes to the other, as a load
 * balancer would retry it: events with the same idempotency key, webhooks with the same identifier. The
 * survivor must then finish everything, the killed node's claims included once their leases run out.
 */
final class TwoNodeRun {

    static final String OPERATOR = "operator-token-for-two-nodes";
    /** One key for both nodes: each must read the secrets the other sealed. */
    private static final String SECRET_KEY = "dHdvLW5vZGVzLXRlc3Qta2V5LTAwMDAwMDAwMDAwMDA=";
    private static final Duration STARTUP = Duration.ofMinutes(3);

    /**
     * What to run.
     *
     * @param database      a PostgreSQL JDBC URL without schema; the run drops and creates {@code schema} in it
     * @param objects       product objects; each fires two events
     * @param webhooks      webhooks Jira sends
     * @param killAtShare   the share of all events and webhooks acknowledged when the node is killed
     * @param lease         the leases of deliveries and stored webhooks: how soon a dead node's claims are free
     * @param latency       how long the simulated Jira takes to answer each call
     * @param finishPatience how long the survivor may take to finish after the traffic is all in
     * @param extraArguments further Ferry arguments for both nodes (job schedules, for instance)
     */
    record Plan(String database, String schema, int objects, int webhooks, int senderThreads, double killAtShare,
            Duration lease, Duration latency, Duration finishPatience, List<String> jvmOptions,
            List<String> extraArguments) {

        String schemaUrl() {
            return database + (database.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }
    }

    /** What each node acknowledged, and when. */
    record NodeTally(String name, int events, int webhooks, Duration cpu) {
    }

    /**
     * What happened and what Jira and the database hold afterwards.
     *
     * @param inFlightAtKill  deliveries claimed by some node (lease running) the moment the node died
     * @param doneAtKill      deliveries done by then
     * @param sinceKill       from the SIGKILL until every delivery and webhook was done
     * @param ticketsPerObject tickets in Jira per object (each must be 1)
     * @param commentsPerObject Ferry's comments per object's ticket (each must be 1: the second firing)
     * @param unknownTickets  tickets in the project that no event of the run explains
     * @param webhookRows     stored rows per webhook identifier acknowledged (each must be 1)
     * @param webhookStatuses stored webhooks by status
     * @param eventRows       product events stored (must be two per object)
     * @param undone          deliveries not done (status and count) at the end
     */
    record Outcome(List<NodeTally> nodes, String killed, long killedPid, long inFlightAtKill, long doneAtKill, Duration sinceKill,
            Duration total, Map<String, Integer> ticketsPerObject, Map<String, Integer> commentsPerObject,
            List<String> unknownTickets, Map<String, Integer> webhookRows, Map<String, Long> webhookStatuses,
            long eventRows, Map<String, Long> undone, List<JobRun> jobRuns) {

        /** Objects whose count is not exactly one. */
        static Map<String, Integer> notOnce(Map<String, Integer> counts) {
            Map<String, Integer> wrong = new java.util.TreeMap<>();
            counts.forEach((key, count) -> {
                if (count != 1) {
                    wrong.put(key, count);
                }
            });
            return wrong;
        }

        long lostTickets() {
            return ticketsPerObject.values().stream().filter(count -> count == 0).count();
        }

        long duplicateTickets() {
            return ticketsPerObject.values().stream().mapToLong(count -> Math.max(0, count - 1)).sum();
        }

        long lostComments() {
            return commentsPerObject.values().stream().filter(count -> count == 0).count();
        }

        long duplicateComments() {
            return commentsPerObject.values().stream().mapToLong(count -> Math.max(0, count - 1)).sum();
        }

        long lostWebhooks() {
            return webhookRows.values().stream().filter(count -> count == 0).count();
        }

        long duplicateWebhooks() {
            return webhookRows.values().stream().mapToLong(count -> Math.max(0, count - 1)).sum();
        }

        /** The run in a few lines, for the test's output and the benchmark's report. */
        List<String> report() {
            List<String> lines = new ArrayList<>();
            nodes.forEach(node -> lines.add("%s acknowledged %d events and %d webhooks%s".formatted(node.name(),
                    node.events(), node.webhooks(), node.name().equals(killed)
                            ? ", then SIGKILL (pid " + killedPid + ")"
                            : "; CPU " + node.cpu().toMillis() + " ms")));
            lines.add("when the node died: %d of %d deliveries done, %d claimed (by either node)".formatted(doneAtKill,
                    2L * ticketsPerObject.size(), inFlightAtKill));
            lines.add("finished %.1f s after the kill; whole run %.1f s".formatted(sinceKill.toMillis() / 1e3,
                    total.toMillis() / 1e3));
            lines.add("objects %d: tickets lost %d, duplicate %d; comments lost %d, duplicate %d; unexplained tickets %d"
                    .formatted(ticketsPerObject.size(), lostTickets(), duplicateTickets(), lostComments(),
                            duplicateComments(), unknownTickets.size()));
            lines.add("events stored %d; webhooks %d: lost %d, duplicate %d, by status %s".formatted(eventRows,
                    webhookRows.size(), lostWebhooks(), duplicateWebhooks(), webhookStatuses));
            lines.add("deliveries not done: " + (undone.isEmpty() ? "none" : undone));
            lines.add(jobRuns == null ? "singleton job runs: no table singleton_job_run in this build"
                    : "singleton job runs " + SingletonRuns.perOutcome(jobRuns) + ", overlapping: "
                            + SingletonRuns.overlaps(jobRuns, killed));
            return lines;
        }
    }

    /** One row of {@code singleton_job_run}, when the schema has that table; {@code finished} null: never ended. */
    record JobRun(String job, String node, Instant started, Instant finished, String outcome) {
    }

    /** Runs of one job must follow each other; only a run on the killed node may lack an end. */
    static final class SingletonRuns {

        private SingletonRuns() {
        }

        /**
         * Runs of one job that overlapped: a run that started before the one before it ended, or while that one, on
         * a node still alive, had not ended at all. A run left unfinished by the killed node has no end to compare;
         * the job's lease, not the run's row, decides when another may start.
         */
        static List<String> overlaps(List<JobRun> runs, String killed) {
            List<String> wrong = new ArrayList<>();
            Map<String, List<JobRun>> byJob = new java.util.TreeMap<>();
            runs.forEach(run -> byJob.computeIfAbsent(run.job(), job -> new ArrayList<>()).add(run));
            byJob.values().forEach(ofJob -> {
                ofJob.sort(java.util.Comparator.comparing(JobRun::started));
                for (int i = 0; i + 1 < ofJob.size(); i++) {
                    JobRun run = ofJob.get(i);
                    JobRun next = ofJob.get(i + 1);
                    boolean stillRunning = run.finished() == null && !run.node().equals(killed);
                    if (stillRunning || run.finished() != null && next.started().isBefore(run.finished())) {
                        wrong.add(run + " overlaps " + next);
                    }
                }
            });
            return wrong;
        }

        /** Runs per job name and outcome, such as {@code oauth-refresh DONE}. */
        static Map<String, Long> perOutcome(List<JobRun> runs) {
            Map<String, Long> counts = new java.util.TreeMap<>();
            runs.forEach(run -> counts.merge(run.job() + " " + run.outcome(), 1L, Long::sum));
            return counts;
        }

        /** Runs per job name. */
        static Map<String, Long> perJob(List<JobRun> runs) {
            Map<String, Long> counts = new java.util.TreeMap<>();
            runs.forEach(run -> counts.merge(run.job(), 1L, Long::sum));
            return counts;
        }
    }

    private final Plan plan;
    private final Path work;

    TwoNodeRun(Plan plan, Path work) {
        this.plan = plan;
        this.work = work;
    }

    Outcome run(Path jar) throws Exception {
        long begun = System.nanoTime();
        freshSchema();
        try (JiraSimulator jira = JiraSimulator.start()) {
            jira.skipSpecCheck();
            jira.latency(plan.latency());
            List<FerryNode> nodes = List.of(new FerryNode("node-1", jar, work, arguments(jira)),
                    new FerryNode("node-2", jar, work, arguments(jira)));
            String publicUrl = nodes.get(0).url();
            try {
                // Both at once, as a deployment starts them: one migrates the empty schema while the other waits
                // on Flyway's lock, and whatever a node sets up at start-up it must set up once between them.
                for (FerryNode node : nodes) {
                    node.start(publicUrl, plan.jvmOptions());
                }
                for (FerryNode node : nodes) {
                    node.awaitHealthy(STARTUP);
                    say(node.name() + " up at " + node.url());
                }
                return drive(jira, nodes, publicUrl, begun);
            } finally {
                for (FerryNode node : nodes) {
                    node.stop();
                }
            }
        }
    }

    private Outcome drive(JiraSimulator jira, List<FerryNode> nodes, String publicUrl, long begun) throws Exception {
        ProductApi.Reply organization = new ProductApi(publicUrl, OPERATOR).post("/api/v1/organizations",
                "{\"name\":\"Two nodes\"}");
        if (organization.status() != 201) {
            throw new IllegalStateException("organization not created: " + organization);
        }
        String apiKey = organization.json().path("apiKey").path("key").asString();
        ProductApi setup = new ProductApi(publicUrl, apiKey);
        String destination = LinkedDestinations.create(jira, setup, publicUrl, "FERRY");
        String commented = jira.admin().createIssue("OPS", "Task", "Commented on by the webhooks");
        Senders senders = new Senders(jira, nodes, apiKey);
        int total = 2 * plan.objects() + plan.webhooks();
        FerryNode victim = nodes.get(1);
        ExecutorService threads = Executors.newFixedThreadPool(plan.senderThreads());
        List<Future<?>> sent = new ArrayList<>();
        AtomicInteger nextObject = new AtomicInteger();
        AtomicInteger nextWebhook = new AtomicInteger();
        for (int i = 0; i < plan.senderThreads(); i++) {
            sent.add(threads.submit(() -> {
                // Each thread alternates: an object's two events, then a webhook, while either is left.
                boolean more = true;
                while (more) {
                    more = false;
                    int object = nextObject.getAndIncrement();
                    if (object < plan.objects()) {
                        senders.fireTwice("obj-" + object);
                        more = true;
                    }
                    if (nextWebhook.getAndIncrement() < plan.webhooks()) {
                        senders.webhook(commented);
                        more = true;
                    }
                }
                return null;
            }));
        }
        senders.awaitAcknowledged((int) (total * plan.killAtShare()), STARTUP);
        long killedPid = victim.kill();
        long killedAt = System.nanoTime();
        senders.down(victim);
        long inFlight = count("select count(*) from ticket_delivery where claimed_until > current_timestamp"
                + " and status not in ('DONE', 'FAILED', 'SKIPPED')");
        long doneAtKill = count("select count(*) from ticket_delivery where status = 'DONE'");
        say("SIGKILL to " + victim.name() + " (pid " + killedPid + ") after " + senders.acknowledged.get() + " of " + total
                + " acknowledged; " + inFlight + " deliveries claimed at that moment");
        for (Future<?> future : sent) {
            future.get();
        }
        threads.shutdown();
        say("all " + total + " acknowledged; waiting for the survivor to finish");
        Map<String, Long> undone = awaitFinished();
        Duration sinceKill = Duration.ofNanos(System.nanoTime() - killedAt);
        say("finished " + sinceKill.toMillis() + " ms after the kill");
        List<NodeTally> tallies = nodes.stream().map(node -> new NodeTally(node.name(),
                senders.eventsBy.getOrDefault(node.name(), new AtomicInteger()).get(),
                senders.webhooksBy.getOrDefault(node.name(), new AtomicInteger()).get(),
                node == victim ? Duration.ZERO : node.cpu())).toList();
        Map<String, Integer> tickets = new HashMap<>();
        Map<String, Integer> comments = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int n = 1; jira.data().issueJson("FERRY-" + n, jira.baseUrl()).isPresent(); n++) {
            String key = "FERRY-" + n;
            Optional<String> object = jira.data().issueProperty(key, JiraClient.DELIVERY_PROPERTY)
                    .map(value -> value.path(JiraClient.DELIVERY_PROPERTY_PATH).asText())
                    .map(marker -> senders.objectOfEvent.get(marker.replace(":" + destination, "")));
            if (object.isEmpty()) {
                unknown.add(key);
                continue;
            }
            tickets.merge(object.get(), 1, Integer::sum);
            int total1 = jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("fields").path("comment")
                    .path("total").asInt();
            comments.merge(object.get(), total1, Integer::sum);
        }
        for (int object = 0; object < plan.objects(); object++) {
            tickets.putIfAbsent("obj-" + object, 0);
            comments.putIfAbsent("obj-" + object, 0);
        }
        Map<String, Integer> webhookRows = new HashMap<>();
        senders.webhookIds.forEach(id -> webhookRows.put(id, 0));
        Map<String, Long> webhookStatuses = new HashMap<>();
        query("select webhook_id, status from webhook_delivery", row -> {
            webhookRows.merge(row.getString(1), 1, Integer::sum);
            webhookStatuses.merge(row.getString(2), 1L, Long::sum);
        });
        return new Outcome(tallies, victim.name(), killedPid, inFlight, doneAtKill, sinceKill, Duration.ofNanos(System.nanoTime() - begun),
                tickets, comments, unknown, webhookRows, webhookStatuses, count("select count(*) from product_event"), undone,
                jobRuns());
    }

    /**
     * Until no delivery or webhook is waiting for work any more; answers the deliveries that did not end
     * DONE by status (empty: all delivered), whether patience ran out or they ended otherwise.
     */
    private Map<String, Long> awaitFinished() throws Exception {
        long deadline = System.nanoTime() + plan.finishPatience().toNanos();
        while (System.nanoTime() < deadline && count("select (select count(*) from ticket_delivery where status in"
                + " ('PENDING', 'WAITING')) + (select count(*) from webhook_delivery where status = 'PENDING')") > 0) {
            Thread.sleep(250);
        }
        Map<String, Long> notDone = new HashMap<>();
        query("select status, count(*) from ticket_delivery where status <> 'DONE' group by status",
                row -> notDone.put(row.getString(1), row.getLong(2)));
        return notDone;
    }

    /** The singleton job runs, when the schema has them (the table came with singleton jobs). */
    private List<JobRun> jobRuns() throws SQLException {
        if (count("select count(*) from information_schema.tables where table_schema = '" + plan.schema()
                + "' and table_name = 'singleton_job_run'") == 0) {
            return null;
        }
        List<JobRun> runs = new ArrayList<>();
        query("select job_name, node_name, started_at, finished_at, outcome from singleton_job_run"
                + " order by job_name, started_at", row -> runs.add(new JobRun(row.getString(1), row.getString(2),
                        row.getTimestamp(3).toInstant(),
                        Optional.ofNullable(row.getTimestamp(4)).map(java.sql.Timestamp::toInstant).orElse(null),
                        row.getString(5))));
        return runs;
    }

    private List<String> arguments(JiraSimulator jira) {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + plan.schemaUrl(),
                "--spring.flyway.schemas=" + plan.schema(), "--spring.datasource.hikari.maximum-pool-size=12",
                "--ferry.secret-key=" + SECRET_KEY, "--ferry.admin.operator-token=" + OPERATOR,
                "--ferry.connect.install-keys-urls=" + jira.installKeysUrl(), "--ferry.connect.install-keys-timeout=15s",
                // The outbound guard lets Ferry call Atlassian Cloud only; the simulated site is on loopback.
                "--ferry.outbound.allowed-hosts=" + URI.create(jira.baseUrl()).getAuthority(),
                "--ferry.jira.requests-per-second=1000", "--ferry.jira.backoff-initial=50ms", "--ferry.jira.backoff-max=500ms",
                "--ferry.delivery.poll-interval=100ms", "--ferry.delivery.lease=" + plan.lease().toMillis() + "ms",
                "--ferry.webhooks.poll-interval=100ms", "--ferry.webhooks.lease=" + plan.lease().toMillis() + "ms",
                // One product from one address and one key, as fast as Ferry answers: the limits are not tested here.
                "--ferry.admin.limits.per-key=1000000/1s", "--ferry.admin.limits.per-address=1000000/1s",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                // A delivery's retry causes (database contention, Jira's answers) are logged at INFO: kept for a failure.
                "--logging.level.dev.ferry.delivery=INFO"));
        arguments.addAll(plan.extraArguments());
        return arguments;
    }

    private void freshSchema() {
        try (Connection connection = DriverManager.getConnection(plan.database());
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + plan.schema() + " cascade");
            // Made here, not by Flyway: two nodes creating it at once could collide before either takes Flyway's lock.
            statement.execute("create schema " + plan.schema());
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed at " + plan.database() + " for two Ferry nodes on one"
                    + " database, and it did not answer: " + e.getMessage(), e);
        }
    }

    private long count(String sql) throws SQLException {
        AtomicLong count = new AtomicLong();
        query(sql, row -> count.set(row.getLong(1)));
        return count.get();
    }

    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, Row each) throws SQLException {
        try (Connection connection = DriverManager.getConnection(plan.schemaUrl());
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                each.read(rows);
            }
        }
    }

    static void say(String line) {
        System.out.println(java.time.LocalTime.now() + " two nodes: " + line);
    }

    /**
     * The product and Jira in front of the nodes: each request goes to the next node in turn, and one that got no
     * answer goes to the next one again, the same request, until a node acknowledges it.
     */
    private final class Senders {

        private final JiraSimulator jira;
        private final List<FerryNode> nodes;
        private final Map<String, ProductApi> apis = new HashMap<>();
        private final Map<String, Boolean> alive = new ConcurrentHashMap<>();
        private final AtomicInteger turn = new AtomicInteger();
        final AtomicInteger acknowledged = new AtomicInteger();
        final Map<String, AtomicInteger> eventsBy = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> webhooksBy = new ConcurrentHashMap<>();
        final Map<String, String> objectOfEvent = new ConcurrentHashMap<>();
        final List<String> webhookIds = java.util.Collections.synchronizedList(new ArrayList<>());

        Senders(JiraSimulator jira, List<FerryNode> nodes, String key) {
            this.jira = jira;
            this.nodes = nodes;
            nodes.forEach(node -> {
                apis.put(node.name(), new ProductApi(node.url(), key));
                alive.put(node.name(), true);
            });
        }

        /** A load balancer that saw the node die sends it nothing more. */
        void down(FerryNode node) {
            alive.put(node.name(), false);
        }

        void fireTwice(String object) {
            for (int firing = 1; firing <= 2; firing++) {
                String body = event(object, object + "-" + firing);
                for (int attempt = 0; ; attempt++) {
                    FerryNode node = next();
                    try {
                        ProductApi.Reply reply = apis.get(node.name()).post("/api/v1/events", body);
                        if (reply.status() == 202) {
                            objectOfEvent.put(reply.json().path("id").asString(), object);
                            eventsBy.computeIfAbsent(node.name(), name -> new AtomicInteger()).incrementAndGet();
                            acknowledged.incrementAndGet();
                            break;
                        }
                        retryOrGiveUp(attempt, "event " + object + "-" + firing + " answered " + reply);
                    } catch (IllegalStateException noAnswer) {
                        retryOrGiveUp(attempt, "event " + object + "-" + firing + ": " + noAnswer.getMessage());
                    }
                }
            }
        }

        void webhook(String issueKey) {
            Delivery delivery = jira.site().prepareWebhook("comment_created", issueKey, Map.of(),
                    // Jira's times carry milliseconds, never more.
                    Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            String path = delivery.url().substring(delivery.url().indexOf("/", "http://".length()));
            webhookIds.add(delivery.identifier());
            for (int attempt = 0; ; attempt++) {
                FerryNode node = next();
                Delivery toNode = new Delivery(delivery.identifier(), delivery.event(), node.url() + path, delivery.body(),
                        delivery.attempts());
                try {
                    int status = jira.site().send(toNode).status();
                    if (status == 204) {
                        webhooksBy.computeIfAbsent(node.name(), name -> new AtomicInteger()).incrementAndGet();
                        acknowledged.incrementAndGet();
                        return;
                    }
                    retryOrGiveUp(attempt, "webhook answered " + status);
                } catch (RuntimeException noAnswer) {
                    retryOrGiveUp(attempt, "webhook: " + noAnswer.getMessage());
                }
                // Jira's retry of the same delivery counts its attempts.
                delivery = new Delivery(delivery.identifier(), delivery.event(), delivery.url(), delivery.body(),
                        delivery.attempts() + 1);
            }
        }

        void awaitAcknowledged(int count, Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            while (acknowledged.get() < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + acknowledged.get() + " of " + count + " acknowledged within "
                            + patience);
                }
                Thread.sleep(10);
            }
        }

        private FerryNode next() {
            // One turn per request, then the nodes after it: other senders taking turns in between must not make this
            // one land on the dead node every time (it then found "no node up" with one node up).
            int start = turn.getAndIncrement();
            for (int i = 0; i < nodes.size(); i++) {
                FerryNode node = nodes.get(Math.floorMod(start + i, nodes.size()));
                if (alive.get(node.name())) {
                    return node;
                }
            }
            throw new IllegalStateException("no node is up");
        }

        private static void retryOrGiveUp(int attempt, String why) {
            if (attempt >= 50) {
                throw new IllegalStateException("no node acknowledged after 50 attempts: " + why);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The idempotency key makes a request resent to the other node one event, whatever the first node stored. */
        private static String event(String object, String idempotencyKey) {
            return """
                    {"type":"experiment.guardrail_breached","idempotencyKey":"%s",
                     "subject":{"type":"experiment","id":"%s","title":"Experiment %s","url":"https://exp.example/%s"},
                     "variables":{"experimentName":"Experiment %s","guardrailMetric":"Error rate","observedValue":0.05,
                       "thresholdValue":0.03,"breachDirection":"above","detectedAt":"2026-11-25T10:00:00Z",
                       "resultsUrl":"https://exp.example/%s/results"}}"""
                    .formatted(idempotencyKey, object, object, object, object, object);
        }
    }
}
