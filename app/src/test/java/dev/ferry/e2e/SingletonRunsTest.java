package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.e2e.TwoNodeRun.JobRun;
import dev.ferry.e2e.TwoNodeRun.SingletonRuns;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two-node test's check of {@code singleton_job_run}: what counts as two runs of one job at once. */
class SingletonRunsTest {

    private static final Instant T = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void runsOneAfterAnotherOnEitherNodeAreFine() {
        assertThat(SingletonRuns.overlaps(List.of(run("a", "node-1", 0, 2), run("a", "node-2", 2, 3),
                run("b", "node-2", 1, 5), run("a", "node-1", 4, null)), "node-2")).isEmpty();
    }

    @Test
    void aRunStartedBeforeTheOneBeforeItEndedOverlaps() {
        assertThat(SingletonRuns.overlaps(List.of(run("a", "node-2", 3, 6), run("a", "node-1", 0, 4)), "node-2"))
                .hasSize(1);
    }

    @Test
    void aLiveNodesUnfinishedRunFollowedByAnotherOverlapsButTheKilledNodesDoesNot() {
        assertThat(SingletonRuns.overlaps(List.of(run("a", "node-1", 0, null), run("a", "node-2", 9, 10)), "node-2"))
                .hasSize(1);
        assertThat(SingletonRuns.overlaps(List.of(run("a", "node-2", 0, null), run("a", "node-1", 9, 10)), "node-2"))
                .isEmpty();
    }

    private static JobRun run(String job, String node, int started, Integer finished) {
        return new JobRun(job, node, T.plusSeconds(started), finished == null ? null : T.plusSeconds(finished),
                finished == null ? "RUNNING" : "DONE");
    }
}
