package dev.ferry.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ticket delivery.
 *
 * @param workerEnabled    whether this node works the outbox (tests drive it themselves)
 * @param workerThreads    deliveries worked at once on this node; Jira's latency, not CPU, is what they wait on
 * @param pollInterval     how often an idle worker looks for due deliveries
 * @param batchSize        deliveries claimed per query
 * @param lease            how long a claimed delivery is left to its worker before another may take it
 * @param maxAttempts      attempts before a delivery that keeps failing (not throttled) is marked failed
 * @param waitingRecheck   how often a parked delivery looks again whether its cause is gone
 * @param maxVariableChars the longest value an event variable may have
 * @param maxVariables     how many variables an event may carry
 */
@ConfigurationProperties("ferry.delivery")
record DeliveryProperties(@DefaultValue("true") boolean workerEnabled, @DefaultValue("8") int workerThreads,
        @DefaultValue("500ms") Duration pollInterval, @DefaultValue("20") int batchSize,
        @DefaultValue("2m") Duration lease, @DefaultValue("25") int maxAttempts,
        @DefaultValue("1m") Duration waitingRecheck, @DefaultValue("10000") int maxVariableChars,
        @DefaultValue("100") int maxVariables) {

    /** Room for a variable's name, quotes and separators in the stored JSON, beside its value. */
    static final int VARIABLE_OVERHEAD_CHARS = 72;

    DeliveryProperties {
        if (maxVariables < 1 || maxVariableChars < 1 || (long) maxVariables * (maxVariableChars + VARIABLE_OVERHEAD_CHARS)
                > ProductEvents.VARIABLES_COLUMN_CHARS) {
            throw new IllegalArgumentException("ferry.delivery.max-variables x (max-variable-chars + "
                    + VARIABLE_OVERHEAD_CHARS + ") must be at most " + ProductEvents.VARIABLES_COLUMN_CHARS
                    + ", what an event's stored variables can hold");
        }
    }
}
