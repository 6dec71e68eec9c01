package dev.ferry.oauth;

import dev.ferry.connection.OAuthProperties;
import dev.ferry.schedule.SingletonJob;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps OAuth connections callable: every {@code ferry.oauth.refresh-every} it refreshes each grant whose
 * access token expires within {@code ferry.oauth.refresh-within}, one grant at a time, one failure never
 * stopping the others; and forgets grants nobody picked a site for within a day.
 */
@Component
class OAuthRefreshWorker {

    private static final Logger log = LoggerFactory.getLogger(OAuthRefreshWorker.class);
    static final Duration UNPICKED_KEPT = Duration.ofDays(1);

    private final OAuthGrantStore grants;
    private final OAuthRefresher refresher;
    private final OAuthProperties properties;
    private final Clock clock;

    OAuthRefreshWorker(OAuthGrantStore grants, OAuthRefresher refresher, OAuthProperties properties, Clock clock) {
        this.grants = grants;
        this.refresher = refresher;
        this.properties = properties;
        this.clock = clock;
    }

    /** Not at start-up: a node that restarts often would otherwise refresh on every start. */
    @Scheduled(fixedDelayString = "${ferry.oauth.refresh-every:30m}", initialDelayString = "${ferry.oauth.refresh-every:30m}")
    @SingletonJob(name = "oauth-refresh")
    void onSchedule() {
        if (properties.configured()) {
            refreshDue();
        }
    }

    /** Refreshes every grant due; answers how many were refreshed by this node. */
    int refreshDue() {
        int refreshed = 0;
        for (String grantId : grants.due(clock.instant().plus(properties.refreshWithin()))) {
            try {
                if (refresher.refresh(grantId, properties.refreshWithin()) == OAuthRefresher.Outcome.REFRESHED) {
                    refreshed++;
                }
            } catch (RuntimeException e) {
                log.warn("grant {}: refresh failed: {}", grantId, e.getClass().getSimpleName());
            }
        }
        int removed = grants.deleteUnpickedBefore(clock.instant().minus(UNPICKED_KEPT));
        if (refreshed > 0 || removed > 0) {
            log.info("OAuth refresh: {} grants refreshed, {} unpicked grants removed", refreshed, removed);
        }
        return refreshed;
    }
}
