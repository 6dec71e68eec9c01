package dev.ferry.ticket;

import dev.ferry.setting.PositiveDuration;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tickets filed by hand.
 *
 * @param workerEnabled whether this node finishes hand tickets left pending (Jira unavailable, a crash)
 * @param pollInterval  how often an idle worker looks for pending hand tickets
 * @param batchSize     hand tickets claimed per query
 * @param lease         how long a claimed hand ticket is left to whoever works it before another may take it
 * @param retryDelay    the first wait after Jira could not be asked; it doubles with each attempt, up to an hour
 * @param maxAttempts   attempts before a hand ticket Jira never answered is marked failed
 */
@Validated
@ConfigurationProperties("ferry.tickets")
record TicketProperties(
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("1s") @PositiveDuration Duration pollInterval,
        @DefaultValue("20") @Positive int batchSize,
        @DefaultValue("2m") @PositiveDuration Duration lease,
        @DefaultValue("30s") @PositiveDuration Duration retryDelay,
        @DefaultValue("20") @Positive int maxAttempts) {
}
