package dev.ferry.objectstate;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
@ConfigurationProperties("ferry.object-state")
record ObjectStateProperties(@DefaultValue("true") boolean workerEnabled, @DefaultValue("2") int workerThreads,
        @DefaultValue("1s") Duration pollInterval, @DefaultValue("20") int batchSize,
        @DefaultValue("2m") Duration lease, @DefaultValue("25") int maxAttempts,
        @DefaultValue("1m") Duration waitingRecheck) {
}
