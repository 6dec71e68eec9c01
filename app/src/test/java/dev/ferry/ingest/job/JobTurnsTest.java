package dev.ferry.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A worker whose time slice with a job is over puts it back behind the jobs that came due meanwhile: one
 * organization's year-long backfill does not keep a worker from another organization's run.
 */
@FerryIntegrationTest
class JobTurnsTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    Organizations organizations;

    @Test
    void aRequeuedJobComesAfterTheJobsDueBeforeIt() throws InterruptedException {
        JobStore jobs = new JobStore(jdbc, clock);
        Instant now = Instant.now();
        String acme = organizations.create("Acme Backfill").id();
        String other = organizations.create("Other Runs").id();
        IngestJob backfill = jobs.insert(acme, "conn-acme", JobKind.FETCH, now.minus(Duration.ofDays(365)), now,
                List.of("jira-issues"), "test");
        Thread.sleep(5);
        IngestJob small = jobs.insert(other, "conn-other", JobKind.SCHEDULED, now.minus(Duration.ofMinutes(15)), now,
                List.of("jira-issues"), "test");

        List<IngestJob> first = jobs.claim(1, Duration.ofMinutes(2));
        assertThat(first).extracting(IngestJob::id).containsExactly(backfill.id());
        Thread.sleep(5);
        assertThat(jobs.requeue(first.get(0))).isTrue();

        assertThat(jobs.claim(1, Duration.ofMinutes(2))).extracting(IngestJob::id).containsExactly(small.id());
        assertThat(jobs.claim(1, Duration.ofMinutes(2))).extracting(IngestJob::id).containsExactly(backfill.id());
        assertThat(jobs.requeue(first.get(0))).as("an old lease is no fence any more").isFalse();
    }
}
