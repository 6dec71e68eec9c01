package dev.ferry.throttle;

import dev.ferry.schedule.SingletonJob;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes counters whose window ended long ago (each client address and key leaves one row behind). */
@Component
class RateWindowPruner {

    private static final Logger log = LoggerFactory.getLogger(RateWindowPruner.class);

    private final RateWindowStore store;
    private final Clock clock;

    RateWindowPruner(RateWindowStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SingletonJob(name = "rate-window-prune")
    void onSchedule() {
        prune();
    }

    int prune() {
        int pruned = store.pruneBefore(clock.instant().minus(Rate.LONGEST));
        if (pruned > 0) {
            log.info("pruned {} request-limit counters older than {}", pruned, Rate.LONGEST);
        }
        return pruned;
    }
}
