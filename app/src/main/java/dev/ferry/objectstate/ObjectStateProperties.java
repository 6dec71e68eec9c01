package dev.ferry.objectstate;

import dev.ferry.setting.PositiveDuration;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Object state and comments sent to linked tickets.
 *
 * @param workerEnabled  whether this node writes the waiting comments (tests drive it themselves)
 * @param workerThreads  comments written at once on this node
 * @param pollInterval   how often an idle worker looks for due comments
 * @param batchSize      comments claimed per query
 * @param lease          how long a claimed comment is left to its worker before another may take it
 * @param maxAttempts    attempts before a comment Jira keeps failing on is marked failed
 * @param waitingRecheck how often a comment parked for its site's credentials looks again
 */
@Validated
@ConfigurationProperties("ferry.object-state")
record ObjectStateProperties(
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("2") @Positive int workerThreads,
        @DefaultValue("1s") @PositiveDuration Duration pollInterval,
        @DefaultValue("20") @Positive int batchSize,
        @DefaultValue("2m") @PositiveDuration Duration lease,
        @DefaultValue("25") @Positive int maxAttempts,
        @DefaultValue("1m") @PositiveDuration Duration waitingRecheck) {
}
