package dev.ferry.delivery;

import dev.ferry.destination.DestinationDeleted;
import dev.ferry.sitelink.SiteDisconnected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deliveries that can no longer go anywhere end at once, in the transaction that made it so: those of a
 * deleted destination, and those of a site its organization disconnected. They end {@code SKIPPED} with
 * the reason, visible in the log, and are not filed later, even once the site is linked again.
 */
@Component
class DestinationEnds {

    static final String DELETED = "the destination was deleted";
    static final String SITE_NOT_LINKED = "site not linked: the site was disconnected from the organization";

    private static final Logger log = LoggerFactory.getLogger(DestinationEnds.class);

    private final Outbox outbox;

    DestinationEnds(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(DestinationDeleted deleted) {
        int skipped = outbox.skipOpenOfDestination(deleted.destinationId(), DELETED);
        log.info("destination {} deleted: {} open deliveries skipped", deleted.destinationId(), skipped);
    }

    @EventListener
    void on(SiteDisconnected disconnected) {
        int skipped = outbox.skipOpenOfSite(disconnected.organizationId(), disconnected.clientKey(), SITE_NOT_LINKED);
        log.info("site {} disconnected from organization {}: {} open deliveries skipped", disconnected.clientKey(),
                disconnected.organizationId(), skipped);
    }
}
