package dev.ferry.jira;

import dev.ferry.setting.PositiveDuration;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Ferry calls Jira: timeouts, each site's shared request budget, and Atlassian's retry advice.
 *
 * @param connectTimeout    time to open a connection to a site
 * @param readTimeout       time a single call may take
 * @param requestsPerSecond calls one site gets per second, shared by every worker on every node
 * @param backoffInitial    first wait before retrying a rate-limited or failed call without Retry-After
 * @param backoffMax        longest wait between two retries (before jitter)
 * @param maxRetries        retries of one call before giving up
 * @param maxInlineWait     longest a call waits in line (budget, site pause, retries) before it throws and
 *                          leaves the rescheduling to its durable caller
 */
@Validated
@ConfigurationProperties("ferry.jira")
record JiraProperties(
        @DefaultValue("5s") @PositiveDuration Duration connectTimeout,
        @DefaultValue("20s") @PositiveDuration Duration readTimeout,
        @DefaultValue("10") @Min(1) int requestsPerSecond,
        @DefaultValue("2s") @PositiveDuration Duration backoffInitial,
        @DefaultValue("30s") @PositiveDuration Duration backoffMax,
        @DefaultValue("4") @Min(0) int maxRetries,
        @DefaultValue("10s") @PositiveDuration Duration maxInlineWait) {
}
