package dev.ferry.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.FerryApplication;
import dev.ferry.persistence.GroupCommitLifecycle;
import dev.ferry.persistence.PollingWorker;
import dev.ferry.support.Http;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Two Ferry nodes (two application contexts in this JVM) on one database — the suite's PostgreSQL schema, or an H2
 * in-memory database both reach by one URL — each scheduling the same jobs: a job runs on one node at a time and at
 * most once per period, a node killed mid-run hands the job over once its lease runs out, a worker node answers
 * only health over HTTP, and a web node runs no workers and no jobs. One node story, so the tests run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

    static final Duration TICK = Duration.ofMillis(300);
    static final Duration STUCK_LEASE = Duration.ofMillis(800);

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static JdbcClient jdbc;
    static Instant bothUpSince;

    @BeforeAll
    static void twoNodes() {
        nodeA = start("node-a", "all");
        jdbc = nodeA.getBean(JdbcClient.class);
        jdbc.sql("delete from singleton_job_lock where job_name like 'two-nodes-%'").update();
        jdbc.sql("delete from singleton_job_run where job_name like 'two-nodes-%'").update();
        nodeB = start("node-b", "worker");
        bothUpSince = Instant.now();
    }

    @AfterAll
    static void stop() {
        TestJobs.UNBLOCK.countDown();
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
    }

    static ConfigurableApplicationContext start(String name, String role) {
        String suite = System.getProperty("spring.datasource.url", "jdbc:h2:mem:ferry-test");
        // The suite's H2 is shared with every cached test context; two nodes of their own need no cleaning up after.
        String database = suite.startsWith("jdbc:h2:") ? "jdbc:h2:mem:ferry-two-nodes;DB_CLOSE_DELAY=-1" : suite;
        return new SpringApplicationBuilder(FerryApplication.class, TestJobs.class).profiles("test")
                .run("--server.port=0", "--management.server.port=0", "--spring.datasource.url=" + database,
                        "--ferry.node.name=" + name, "--ferry.node.role=" + role,
                        "--ferry.schedule.shutdown-wait=200ms");
    }

    @Test
    @Order(1)
    void aJobScheduledOnBothNodesRunsOncePerPeriodNeverTwoAtOnce() {
        // Only runs while both nodes were up and firing: both fire every 300 ms, whichever wins.
        await(() -> bothUp().size() >= 8, Duration.ofSeconds(30));

        List<Run> runs = bothUp();
        assertThat(runs).hasSizeGreaterThanOrEqualTo(8);
        for (int i = 1; i < runs.size(); i++) {
            Run previous = runs.get(i - 1);
            Run run = runs.get(i);
            assertThat(run.started()).as("run %s starts after run %s ended", run, previous)
                    .isAfterOrEqualTo(previous.finished());
            // Both nodes fire every 300 ms: without the lease two runs would often start within a few ms.
            assertThat(Duration.between(previous.started(), run.started()))
                    .as("a period (nine tenths of 300 ms) between the starts of %s and %s", previous, run)
                    .isGreaterThanOrEqualTo(TICK.multipliedBy(9).dividedBy(10).minusMillis(2));
        }
        assertThat(runs).allMatch(run -> run.outcome().equals("DONE"));
        assertThat(TestJobs.TICKS).as("every run recorded is a run that happened, on its node")
                .hasSizeGreaterThanOrEqualTo(runs.size());
    }

    @Test
    @Order(2)
    void aWorkerNodeAnswersOnlyHealth() {
        Http http = new Http(port(nodeB, "local.server.port"));
        for (String path : List.of("/api/v1/links", "/webhooks/jira-issue-updated", "/atlassian-connect.json",
                "/admin/login", "/forge/events")) {
            HttpResponse<String> answer = path.startsWith("/webhooks") ? http.post(path, "{}") : http.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            assertThat(answer.body()).as(path).contains("\"status\":503").contains("ferry.node.role=worker");
        }
        assertThat(new Http(port(nodeB, "local.management.port")).get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(new Http(port(nodeA, "local.server.port")).get("/atlassian-connect.json").statusCode())
                .as("the same route on a node with every role").isEqualTo(200);
    }

    @Test
    @Order(3)
    void aNodeKilledMidRunHandsTheJobOverOnceItsLeaseRunsOut() throws Exception {
        TestJobs.BLOCK_NEXT.set(true);
        await(() -> TestJobs.BLOCKED_ON != null, Duration.ofSeconds(10));
        String holder = TestJobs.BLOCKED_ON;
        assertThat(holder).as("a node took the stuck run").isNotNull();
        Run stuck = last(runs("two-nodes-stuck"));
        assertThat(stuck.node()).isEqualTo(holder);

        // Longer than the lease: the holder renews it, so the other node (firing every 200 ms) never gets in.
        Thread.sleep(STUCK_LEASE.multipliedBy(2).toMillis());
        assertThat(last(runs("two-nodes-stuck"))).as("still the stuck run, nothing after it").isEqualTo(stuck);

        ConfigurableApplicationContext killed = holder.equals("node-a") ? nodeA : nodeB;
        ConfigurableApplicationContext survivor = killed == nodeA ? nodeB : nodeA;
        if (killed == nodeA) {
            jdbc = nodeB.getBean(JdbcClient.class);
        }
        killed.close(); // its job thread stays blocked: it stops renewing, as a dead node does
        Instant killedAt = Instant.now();

        await(() -> last(runs("two-nodes-stuck")).outcome().equals("DONE"), Duration.ofSeconds(10));
        Run takeover = last(runs("two-nodes-stuck"));
        assertThat(takeover.node()).isEqualTo(survivor.getEnvironment().getProperty("ferry.node.name"));
        assertThat(takeover.started()).as("not before the dead node's lease ran out")
                .isAfterOrEqualTo(stuck.started().plus(STUCK_LEASE));
        assertThat(Duration.between(killedAt, takeover.started())).as("taken over within a lease and a bit")
                .isLessThan(STUCK_LEASE.plusSeconds(2));
        assertThat(runs("two-nodes-stuck").stream().filter(run -> run.outcome().equals("RUNNING")).toList())
                .as("the dead node's run is left RUNNING").containsExactly(stuck);
    }

    @Test
    @Order(4)
    void aWebNodeRunsNoWorkersAndNoJobs() throws Exception {
        ConfigurableApplicationContext web = start("node-web", "web");
        try {
            // Alone now: nobody else holds any job, yet it takes none.
            for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
                if (node.isActive()) {
                    node.close();
                }
            }
            JdbcClient webJdbc = web.getBean(JdbcClient.class);
            int ticks = TestJobs.TICKS.size();
            Thread.sleep(TICK.multipliedBy(5).toMillis());

            assertThat(webJdbc.sql("select count(*) from singleton_job_run where node_name = 'node-web'")
                    .query(Integer.class).single()).isZero();
            assertThat(TestJobs.TICKS.size()).as("no tick ran anywhere").isEqualTo(ticks);
            List<String> running = new ArrayList<>();
            web.getBeansOfType(PollingWorker.class).forEach((name, worker) -> {
                if (worker.isRunning()) {
                    running.add(name);
                }
            });
            assertThat(web.getBeansOfType(PollingWorker.class)).isNotEmpty();
            assertThat(running).as("polling workers running on the web node").isEmpty();
            Map<String, GroupCommitLifecycle> writers = web.getBeansOfType(GroupCommitLifecycle.class);
            assertThat(writers.get("deliveryCompletion").isRunning()).as("delivery-end writer on a web node").isFalse();
            assertThat(writers.get("inbox").isRunning()).as("the webhook inbox writes on a web node").isTrue();
            assertThat(new Http(port(web, "local.server.port")).get("/atlassian-connect.json").statusCode())
                    .as("it serves HTTP").isEqualTo(200);
        } finally {
            web.close();
        }
    }

    private static List<Run> bothUp() {
        return runs("two-nodes-tick").stream()
                .filter(run -> run.finished() != null && run.started().isAfter(bothUpSince)).toList();
    }

    private static Run last(List<Run> runs) {
        return runs.get(runs.size() - 1);
    }

    private static int port(ConfigurableApplicationContext node, String property) {
        return Integer.parseInt(node.getEnvironment().getProperty(property));
    }

    record Run(String node, Instant started, Instant finished, String outcome) {
    }

    private static List<Run> runs(String job) {
        return jdbc.sql("select node_name, started_at, finished_at, outcome from singleton_job_run where job_name = ? "
                        + "order by started_at, id").param(job)
                .query((rs, row) -> new Run(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .list();
    }

    private static void await(BooleanSupplier condition, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The jobs both nodes schedule; a plain class given to each node as a source, so no other test scans it. */
    static class TestJobs {

        static final Queue<String> TICKS = new ConcurrentLinkedQueue<>();
        static final AtomicBoolean BLOCK_NEXT = new AtomicBoolean();
        static final CountDownLatch UNBLOCK = new CountDownLatch(1);
        static volatile String BLOCKED_ON;

        private final String node;

        TestJobs(Environment environment) {
            this.node = environment.getProperty("ferry.node.name");
        }

        @Scheduled(fixedDelayString = "300ms")
        @SingletonJob(name = "two-nodes-tick")
        void tick() throws InterruptedException {
            TICKS.add(node);
            Thread.sleep(50);
        }

        @Scheduled(fixedDelayString = "200ms")
        @SingletonJob(name = "two-nodes-stuck", lease = "800ms", holdAtLeast = "0s")
        void stuck() {
            if (BLOCK_NEXT.compareAndSet(true, false)) {
                BLOCKED_ON = node;
                // A hung call: deaf to the interrupt of a stopping node, as a process killed with SIGKILL would be.
                while (true) {
                    try {
                        if (UNBLOCK.await(60, TimeUnit.SECONDS)) {
                            return;
                        }
                    } catch (InterruptedException ignored) {
                        // keeps hanging
                    }
                }
            }
        }
    }
}
