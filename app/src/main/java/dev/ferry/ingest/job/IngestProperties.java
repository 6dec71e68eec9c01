package dev.ferry.ingest.job;

import dev.ferry.setting.PositiveDuration;
import dev.ferry.setting.PositiveOrZeroDuration;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How activity is ingested.
 *
 * @param workerEnabled  whether this node claims ingest jobs and creates the scheduled runs that are due
 * @param pollInterval   how long an idle worker sleeps before looking for due jobs again
 * @param lease          how long a claimed job is a worker's; renewed with every page, so a dead worker's job
 *                       is taken by another after this long
 * @param every          how often a new connection is read on its own (each connection's schedule may change it)
 * @param overlap        how far before its checkpoint a scheduled run starts reading again (Jira's clock skew and
 *                       late indexing); what it finds again is stored once
 * @param firstRunDays   how far back a connection's first scheduled run reads
 * @param maxFetchDays   the longest date range one fetch may ask for
 * @param maxAttempts    tries of one page after Jira failed (5xx, unreachable) before the job fails
 * @param retryInitial   the wait before the first retry of a failed page; it doubles after each
 * @param credentialsRecheck how long a job waiting for repaired credentials waits before trying again by itself
 *                       (a replaced token or a reconnect wakes it at once)
 * @param workerThreads  jobs one node runs at once
 * @param slice          how long a worker stays with one job before putting it back in the queue, behind the jobs
 *                       due meanwhile: one organization's year-long backfill never holds a worker from the others
 */
@Validated
@ConfigurationProperties("ferry.ingest")
record IngestProperties(
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("2s") @PositiveDuration Duration pollInterval,
        @DefaultValue("2m") @PositiveDuration Duration lease,
        @DefaultValue("15m") @PositiveDuration Duration every,
        @DefaultValue("10m") @PositiveOrZeroDuration Duration overlap,
        @DefaultValue("30") @Min(1) int firstRunDays,
        @DefaultValue("400") @Min(1) int maxFetchDays,
        @DefaultValue("6") @Min(1) int maxAttempts,
        @DefaultValue("10s") @PositiveDuration Duration retryInitial,
        @DefaultValue("1h") @PositiveDuration Duration credentialsRecheck,
        @DefaultValue("4") @Min(1) int workerThreads,
        @DefaultValue("30s") @PositiveDuration Duration slice) {

    /** The longest wait between two tries of a failed page. */
    Duration retryMax() {
        return retryInitial.multipliedBy(64);
    }
}
