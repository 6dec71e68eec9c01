package dev.ferry.auditcollector;

import dev.ferry.setting.PositiveDuration;
import dev.ferry.setting.PositiveOrZeroDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How audit collectors poll Jira.
 *
 * @param workerEnabled  whether this node polls collectors
 * @param idleSleep      how long an idle poller sleeps before looking for due collectors again
 * @param pollInterval   a new collector's poll interval (each collector may change it)
 * @param minPollInterval the shortest poll interval a collector may have
 * @param overlap        how far before its checkpoint a poll starts reading again, for records Jira indexes late;
 *                       what it finds again is stored once
 * @param firstRunDays   how far back a collector with no start date reads on its first poll
 * @param pageSize       records asked of Jira a page ({@code limit}; Jira's most is 1000)
 * @param lease          how long a claimed collector is a poller's; renewed with every page
 * @param slice          how long a poller stays with one collector's backfill before letting the others go first
 * @param workerThreads  collectors one node polls at once
 * @param retryInitial   the wait after a first failure (5xx, throttled, unreadable); it doubles after each
 * @param retryMax       the longest such wait
 * @param forbiddenRecheck how long a collector refused with 403 waits before trying again by itself (an edit, a
 *                       resume or renewed credentials try at once): no retry storm against Jira
 * @param credentialsRecheck how long a collector whose credentials Jira rejected waits before trying again by itself
 */
@Validated
@ConfigurationProperties("ferry.audit-collectors")
public record CollectorProperties(
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("2s") @PositiveDuration Duration idleSleep,
        @DefaultValue("5m") @PositiveDuration Duration pollInterval,
        @DefaultValue("1m") @PositiveDuration Duration minPollInterval,
        @DefaultValue("15m") @PositiveOrZeroDuration Duration overlap,
        @DefaultValue("30") @Min(1) int firstRunDays,
        @DefaultValue("1000") @Min(1) @Max(1000) int pageSize,
        @DefaultValue("2m") @PositiveDuration Duration lease,
        @DefaultValue("30s") @PositiveDuration Duration slice,
        @DefaultValue("2") @Min(1) int workerThreads,
        @DefaultValue("30s") @PositiveDuration Duration retryInitial,
        @DefaultValue("30m") @PositiveDuration Duration retryMax,
        @DefaultValue("6h") @PositiveDuration Duration forbiddenRecheck,
        @DefaultValue("1h") @PositiveDuration Duration credentialsRecheck) {
}
