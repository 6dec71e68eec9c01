package dev.ferry.callback;

import dev.ferry.setting.PositiveDuration;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Callback delivery.
 *
 * @param workerEnabled  whether this node sends callbacks (tests drive the worker themselves)
 * @param pollInterval   how often an idle worker looks for due messages
 * @param batchSize      messages claimed per query
 * @param lease          how long a claimed message belongs to its worker before another may take it
 * @param timeout        how long one call to an endpoint may take, connecting included
 * @param retryWindow    how long a message is retried after it was written (or sent again by hand); then FAILED
 * @param backoffInitial the wait after the first failed attempt; it doubles with each further one
 * @param backoffMax     the longest wait between two attempts
 * @param answerLimit    bytes of an endpoint's answer read to show (at most 1,000 are stored); the rest is never read
 */
@Validated
@ConfigurationProperties("ferry.callbacks")
record CallbackProperties(
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("1s") @PositiveDuration Duration pollInterval,
        @DefaultValue("20") @Positive int batchSize,
        @DefaultValue("1m") @PositiveDuration Duration lease,
        @DefaultValue("10s") @PositiveDuration Duration timeout,
        @DefaultValue("24h") @PositiveDuration Duration retryWindow,
        @DefaultValue("5s") @PositiveDuration Duration backoffInitial,
        @DefaultValue("1h") @PositiveDuration Duration backoffMax,
        @DefaultValue("1000") @Positive int answerLimit) {
}
