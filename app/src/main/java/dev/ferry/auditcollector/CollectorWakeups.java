package dev.ferry.auditcollector;

import dev.ferry.persistence.NewWork;
import dev.ferry.sitelink.CredentialsRenewed;
import dev.ferry.sitelink.SiteDisconnected;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Collectors follow their connection: new credentials (a replaced token, a reconnect, a re-install) make its
 * failing collector due at once, resuming the window where it stopped, and this node's poller takes it when the
 * change commits; a connection unlinked leaves its collector failing with words, in the transaction that removed it
 * (its records stay; a person deletes the collector).
 */
@Component
class CollectorWakeups {

    private static final Logger log = LoggerFactory.getLogger(CollectorWakeups.class);

    private final CollectorPolls polls;
    private final CollectorProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CollectorWakeups(CollectorPolls polls, CollectorProperties properties, ApplicationEventPublisher events,
            Clock clock) {
        this.polls = polls;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(CredentialsRenewed renewed) {
        if (polls.wake(renewed.clientKey()) > 0) {
            events.publishEvent(new NewWork(AuditPollWorker.class));
            log.info("audit collector of {} is due now: its credentials were renewed", renewed.clientKey());
        }
    }

    @EventListener
    void on(SiteDisconnected disconnected) {
        Instant recheck = clock.instant().plus(properties.credentialsRecheck());
        if (polls.connectionGone(disconnected.clientKey(), PollFaults.connectionGoneWords(recheck), recheck) > 0) {
            log.info("audit collector of {} is failing ({}): its connection was removed",
                    disconnected.clientKey(), CollectorFailure.CONNECTION_GONE);
        }
    }
}
