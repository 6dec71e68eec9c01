package dev.ferry.webhook;

import dev.ferry.persistence.OutageBackoff;
import dev.ferry.schedule.SingletonJob;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes deliveries that were dealt with longer ago than the retention; pending ones are never pruned. */
@Component
class InboxPruner {

    private static final Logger log = LoggerFactory.getLogger(InboxPruner.class);

    private final OutageBackoff outage = new OutageBackoff("inbox pruner", log);
    private final InboxQueue queue;
    private final WebhookProperties properties;
    private final Clock clock;

    InboxPruner(InboxQueue queue, WebhookProperties properties, Clock clock) {
        this.queue = queue;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    @SingletonJob(name = "webhook-inbox-prune")
    void onSchedule() {
        outage.run(this::prune);
    }

    int prune() {
        int pruned = queue.pruneFinishedBefore(clock.instant().minus(properties.retention()));
        if (pruned > 0) {
            log.info("pruned {} webhook deliveries older than {}", pruned, properties.retention());
        }
        return pruned;
    }
}
