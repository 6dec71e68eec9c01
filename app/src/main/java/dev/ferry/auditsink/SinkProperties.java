package dev.ferry.auditsink;

import dev.ferry.setting.PositiveDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How audit sinks send.
 *
 * @param workerEnabled    whether this node sends to sinks (tests drive the worker themselves)
 * @param idleSleep        how long an idle worker waits before looking for sinks with new records again
 * @param lease            how long a claimed sink belongs to its worker; renewed with every batch accepted
 * @param timeout          how long one post to a sink may take, connecting included
 * @param backoffInitial   the wait after a sink's first failed post; it doubles with each further one
 * @param backoffMax       the longest wait between two posts to a failing sink
 * @param answerLimit      bytes of a sink's answer read to show (at most 1,000 are stored); the rest is never read
 * @param defaultBatchSize records per post of a sink whose batch size was not given
 * @param workerThreads    sinks one node sends to at once
 */
@Validated
@ConfigurationProperties("ferry.audit-sinks")
record SinkProperties(
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("1s") @PositiveDuration Duration idleSleep,
        @DefaultValue("1m") @PositiveDuration Duration lease,
        @DefaultValue("10s") @PositiveDuration Duration timeout,
        @DefaultValue("5s") @PositiveDuration Duration backoffInitial,
        @DefaultValue("30m") @PositiveDuration Duration backoffMax,
        @DefaultValue("1000") @Min(1) @Max(1000) int answerLimit,
        @DefaultValue("500") @Min(1) @Max(SinkInput.MAX_BATCH) int defaultBatchSize,
        @DefaultValue("1") @Min(1) int workerThreads) {
}
