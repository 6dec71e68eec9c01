package dev.ferry.e2e;

import static dev.ferry.e2e.TwoNodeRun.Outcome.notOnce;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Ferry processes from the packaged jar on one PostgreSQL schema, behind one simulated Jira: events and
 * webhooks go to both in turn, one node gets SIGKILL mid-stream, the other finishes. Nothing acknowledged may
 * be lost and nothing may reach Jira twice: one ticket and one comment per object, one stored row per webhook,
 * every one applied; and no singleton job, due every few seconds on both nodes, may run on both at once.
 * Needs PostgreSQL at 127.0.0.1:5432, database {@code test} ({@code -Dferry.it.postgres=…} names another);
 * it uses schema {@code ferry_it_nodes}, dropped first. Runs in the PostgreSQL pass
 * ({@code mvn verify -Ppostgres}, an execution of its own), after packaging.
 */
class TwoNodesIT {

    private static final int OBJECTS = 100;
    private static final int WEBHOOKS = 200;

    /** Kept when the test fails: each node's log is there. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @Test
    void theSurvivorFinishesWhatBothAcknowledgedOnceEach() throws Exception {
        TwoNodeRun.Plan plan = new TwoNodeRun.Plan(
                System.getProperty("ferry.it.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"),
                "ferry_it_nodes", OBJECTS, WEBHOOKS, 8, 0.4,
                // A lease a live worker on a busy machine does not outlast; the killed node's claims free after it.
                Duration.ofSeconds(15),
                // Jira slow enough that the kill finds tickets being created: a write in doubt is what must not double.
                Duration.ofMillis(50), Duration.ofSeconds(120),
                // C1 only: a quicker start on a busy machine; these nodes are tested for what they keep, not speed.
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"),
                // Singleton jobs due every few seconds, so each node tries them many times during the run; a job's
                // lease short enough that the killed node's hold ends within the run.
                List.of("--ferry.links.reconcile-cron=*/2 * * * * *", "--ferry.oauth.refresh-every=1s",
                        "--ferry.schedule.lease=5s"));
        TwoNodeRun.Outcome outcome = new TwoNodeRun(plan, work)
                .run(Path.of(System.getProperty("ferry.jar", "target/ferry.jar")).toAbsolutePath());
        outcome.report().forEach(TwoNodeRun::say);

        SoftAssertions softly = new SoftAssertions();
        for (TwoNodeRun.NodeTally node : outcome.nodes()) {
            softly.assertThat(node.events()).as("events %s acknowledged", node.name()).isPositive();
            softly.assertThat(node.webhooks()).as("webhooks %s acknowledged", node.name()).isPositive();
        }
        softly.assertThat(outcome.undone()).as("deliveries not done by status (the survivor must finish all)").isEmpty();
        softly.assertThat(outcome.eventRows()).as("events stored (two per object, resent ones once)").isEqualTo(2L * OBJECTS);
        softly.assertThat(notOnce(outcome.ticketsPerObject())).as("objects whose ticket count is not 1").isEmpty();
        softly.assertThat(notOnce(outcome.commentsPerObject())).as("objects whose ticket has not exactly one comment").isEmpty();
        softly.assertThat(outcome.unknownTickets()).as("tickets no event of the run explains").isEmpty();
        softly.assertThat(notOnce(outcome.webhookRows())).as("webhooks not stored exactly once").isEmpty();
        softly.assertThat(outcome.webhookStatuses()).as("stored webhooks by status: all applied")
                .containsOnlyKeys("PROCESSED");
        List<TwoNodeRun.JobRun> runs = outcome.jobRuns();
        softly.assertThat(runs).as("singleton_job_run rows (the table comes with singleton jobs, V31)").isNotNull();
        if (runs != null) {
            softly.assertThat(TwoNodeRun.SingletonRuns.perJob(runs)).as("runs per singleton job")
                    .hasEntrySatisfying("link-status-reconcile", count -> assertThat(count).isGreaterThan(1))
                    .hasEntrySatisfying("oauth-refresh", count -> assertThat(count).isGreaterThan(1));
            softly.assertThat(TwoNodeRun.SingletonRuns.overlaps(runs, outcome.killed()))
                    .as("runs of one singleton job that overlapped").isEmpty();
            // A conflict on one item (a link changed meanwhile by a delivery on either node) is handled per item.
            softly.assertThat(runs.stream().filter(run -> "FAILED".equals(run.outcome())).toList())
                    .as("singleton job runs that failed (see the nodes' logs)").isEmpty();
        }
        softly.assertAll();
        assertThat(outcome.ticketsPerObject()).hasSize(OBJECTS);
    }
}
