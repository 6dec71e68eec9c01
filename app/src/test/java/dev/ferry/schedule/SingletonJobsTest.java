package dev.ferry.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.node.NodeProperties;
import dev.ferry.node.NodeRole;
import dev.ferry.support.FerryIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The lease behind singleton jobs, with two "nodes" made of two SingletonJobs on one database. */
@FerryIntegrationTest
class SingletonJobsTest {

    private static final Duration LEASE = Duration.ofMillis(600);

    @Autowired
    JobLocks locks;
    @Autowired
    JobRuns runs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private SingletonJobs nodeA;
    private SingletonJobs nodeB;

    @BeforeEach
    void twoNodes() {
        jdbc.sql("delete from singleton_job_lock").update();
        jdbc.sql("delete from singleton_job_run").update();
        nodeA = node("node-a", NodeRole.ALL);
        nodeB = node("node-b", NodeRole.ALL);
    }

    @AfterEach
    void stop() {
        nodeA.stop();
        nodeB.stop();
    }

    private SingletonJobs node(String name, NodeRole role) {
        SingletonJobs node = new SingletonJobs(locks, runs, new NodeProperties(name, role),
                new ScheduleProperties(LEASE, 2, Duration.ofDays(1), Duration.ofSeconds(1)), clock);
        node.start();
        return node;
    }

    @Test
    void whileOneNodeRunsAJobTheOtherDoesNotEvenPastTheLease() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread runner = new Thread(() -> nodeA.run("long", LEASE, () -> {
            started.countDown();
            await(finish);
        }));
        runner.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        // Three leases long: node A renews it, so B never gets in.
        Instant until = Instant.now().plus(LEASE.multipliedBy(3));
        while (Instant.now().isBefore(until)) {
            assertThat(nodeB.run("long", LEASE, () -> { })).as("node B while A runs").isFalse();
            Thread.sleep(50);
        }
        finish.countDown();
        runner.join(5000);

        assertThat(nodeB.run("long", LEASE, () -> { })).as("node B once A is done").isTrue();
        assertThat(runsOf("long")).containsExactly("node-a DONE", "node-b DONE");
    }

    @Test
    void aRenewalStillUnderWayWhenTheRunEndsDoesNotHoldTheJobAfterIt() throws Exception {
        CountDownLatch renewing = new CountDownLatch(1);
        JobLocks slowToRenew = new JobLocks(jdbc) {
            @Override
            boolean renew(String job, String holder, Instant until) {
                renewing.countDown();
                sleep(LEASE.toMillis() / 2);
                return super.renew(job, holder, until.plus(LEASE));
            }
        };
        SingletonJobs slow = new SingletonJobs(slowToRenew, runs, new NodeProperties("node-slow", NodeRole.ALL),
                new ScheduleProperties(LEASE, 2, Duration.ofDays(1), Duration.ofSeconds(1)), clock);
        slow.start();
        try {
            // The run ends while its first renewal is between its start and its update.
            assertThat(slow.run("renewed", LEASE, () -> await(renewing))).isTrue();
        } finally {
            slow.stop();
        }
        sleep(LEASE.toMillis()); // past the renewal's update, had it still been made
        assertThat(nodeB.run("renewed", LEASE, () -> { })).as("node B after the run").isTrue();
    }

    @Test
    void aNodeThatDiesMidRunLetsAnotherTakeTheJobOnceItsLeaseRunsOut() throws Exception {
        // A dead node: it took the job and never renews nor releases it.
        Instant now = clock.instant();
        assertThat(locks.take("orphaned", "dead-node/1", now, now.plus(LEASE))).isTrue();

        assertThat(nodeB.run("orphaned", LEASE, () -> { })).as("within the dead node's lease").isFalse();
        Thread.sleep(LEASE.toMillis() + 50);
        assertThat(nodeB.run("orphaned", LEASE, () -> { })).as("after it").isTrue();
    }

    @Test
    void holdAtLeastKeepsTheNextRunAPeriodAwayOnEveryNode() {
        assertThat(nodeA.run("hourly", LEASE, Duration.ofHours(1), () -> { })).isTrue();
        assertThat(nodeB.run("hourly", LEASE, Duration.ofHours(1), () -> { })).as("the other node, a moment later").isFalse();
        assertThat(nodeA.run("hourly", LEASE, Duration.ofHours(1), () -> { })).as("the same node").isFalse();
    }

    @Test
    void aFailedRunIsRecordedThrownOnAndFreesTheJob() {
        assertThatThrownBy(() -> nodeA.run("failing", LEASE, () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(runsOf("failing")).containsExactly("node-a FAILED");
        assertThat(nodeB.run("failing", LEASE, () -> { })).isTrue();
    }

    @Test
    void aWebNodeRunsNoJob() {
        SingletonJobs web = node("node-web", NodeRole.WEB);
        AtomicBoolean ran = new AtomicBoolean();
        try {
            assertThat(web.run("any", LEASE, () -> ran.set(true))).isFalse();
        } finally {
            web.stop();
        }
        assertThat(ran).isFalse();
        assertThat(runsOf("any")).isEmpty();
    }

    @Test
    void launchRunsTheJobOffTheCallersThread() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        String[] thread = new String[1];
        nodeA.launch("launched", LEASE, Duration.ZERO, () -> {
            thread[0] = Thread.currentThread().getName();
            ran.countDown();
        });
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(thread[0]).startsWith("ferry-job-");
    }

    private List<String> runsOf(String job) {
        return jdbc.sql("select node_name, outcome from singleton_job_run where job_name = ? order by id").param(job)
                .query((rs, row) -> rs.getString(1) + " " + rs.getString(2)).list();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
