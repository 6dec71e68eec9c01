package dev.ferry.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Singleton jobs ({@link SingletonJob}).
 *
 * @param lease        how long a run holds its job without renewing it, unless the job says otherwise: a node that
 *                     dies mid-run keeps the job this long at most; a live run renews it every third of it
 * @param jobThreads   how many singleton jobs one node runs at once; a firing while all are busy is skipped
 * @param runsKept     how long {@code singleton_job_run} rows are kept
 * @param shutdownWait how long a stopping node waits for its running jobs before interrupting them
 */
@ConfigurationProperties("ferry.schedule")
record ScheduleProperties(@DefaultValue("2m") Duration lease, @DefaultValue("4") int jobThreads,
        @DefaultValue("30d") Duration runsKept, @DefaultValue("10s") Duration shutdownWait) {

    ScheduleProperties {
        if (lease.compareTo(Duration.ofMillis(300)) < 0) {
            throw new IllegalArgumentException("ferry.schedule.lease must be at least 300ms, was " + lease);
        }
        if (jobThreads < 1) {
            throw new IllegalArgumentException("ferry.schedule.job-threads must be at least 1, was " + jobThreads);
        }
    }
}
