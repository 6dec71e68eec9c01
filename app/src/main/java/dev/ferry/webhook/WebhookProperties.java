package dev.ferry.webhook;

import dev.ferry.setting.PositiveDuration;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the inbox is worked and kept.
 *
 * @param workerEnabled whether this node processes stored deliveries (receiving is always on)
 * @param pollInterval  how often an idle worker looks for due deliveries
 * @param workerThreads threads per node that claim and process deliveries, each a batch at a time
 * @param batchSize     deliveries claimed per round
 * @param lease         how long a claim holds; a worker that dies frees its deliveries after it
 * @param maxAttempts   attempts before a delivery that keeps failing is set aside as failed
 * @param retention     how long processed and rejected deliveries are kept
 * @param storeTimeout  how long a delivery may wait to be stored before it is answered 503 (Jira sends it again)
 */
@Validated
@ConfigurationProperties("ferry.webhooks")
record WebhookProperties(
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("250ms") @PositiveDuration Duration pollInterval,
        @DefaultValue("2") @Positive int workerThreads,
        @DefaultValue("200") @Positive int batchSize,
        @DefaultValue("5m") @PositiveDuration Duration lease,
        @DefaultValue("10") @Positive int maxAttempts,
        @DefaultValue("7d") @PositiveDuration Duration retention,
        @DefaultValue("10s") @PositiveDuration Duration storeTimeout) {
}
