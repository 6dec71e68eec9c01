package dev.ferry.delivery;

import dev.ferry.setting.PositiveDuration;
import dev.ferry.setting.PositiveOrZeroDuration;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Ticket delivery.
 *
 * @param workerEnabled    whether this node works the outbox (tests drive it themselves)
 * @param workerThreads    deliveries worked at once on this node; Jira's latency, not CPU, is what they wait on
 * @param pollInterval     how often an idle worker looks for due deliveries at first
 * @param idlePollMax      the longest an idle worker's look grows to; deliveries committed on this node wake it at
 *                         once, so this only delays those another node's intake committed
 * @param batchSize        deliveries claimed per query
 * @param lease            how long a claimed delivery is left to its worker before another may take it
 * @param maxAttempts      attempts before a delivery that keeps failing (not throttled) is marked failed
 * @param waitingRecheck   how often a parked delivery looks again whether its cause is gone
 * @param statusFreshFor   a ticket whose status Ferry read (or set, by filing it) this recently is commented on
 *                         without asking Jira for its status again
 * @param webhookStatusTrustedFor while the site has sent Ferry a webhook within this time, a ticket status Ferry
 *                         learned within it (a webhook's, a read's, or its own on filing) is trusted as well: webhooks
 *                         would have said if someone closed the ticket. {@code 0s} asks Jira past
 *                         {@code statusFreshFor} every time
 */
@Validated
@ConfigurationProperties("ferry.delivery")
record DeliveryProperties(@DefaultValue("true") boolean workerEnabled, @DefaultValue("8") @Positive int workerThreads,
        @DefaultValue("500ms") @PositiveDuration Duration pollInterval, @DefaultValue("20") @Positive int batchSize,
        @DefaultValue("2m") @PositiveDuration Duration lease, @DefaultValue("25") @Positive int maxAttempts,
        @DefaultValue("1m") @PositiveDuration Duration waitingRecheck,
        @DefaultValue("5s") @PositiveDuration Duration idlePollMax,
        @DefaultValue("10s") @PositiveOrZeroDuration Duration statusFreshFor,
        @DefaultValue("10m") @PositiveOrZeroDuration Duration webhookStatusTrustedFor) {
}
