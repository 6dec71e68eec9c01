package dev.ferry.delivery;

import dev.ferry.destination.Destination;
import dev.ferry.destination.DestinationRepository;
import dev.ferry.destination.Rule;
import dev.ferry.event.ProductEvent;
import dev.ferry.event.ProductEvents;
import dev.ferry.jira.JiraSite;
import dev.ferry.site.SiteDirectory;
import dev.ferry.sitelink.SiteLinks;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Loads what a claimed delivery needs and says why it cannot go to Jira now, if it cannot: each such
 * reason parks or ends the delivery without a single call to Jira.
 */
@Component
class Jobs {

    private final ProductEvents events;
    private final DestinationRepository destinations;
    private final SiteDirectory sites;
    private final SiteLinks siteLinks;

    Jobs(ProductEvents events, DestinationRepository destinations, SiteDirectory sites, SiteLinks siteLinks) {
        this.events = events;
        this.destinations = destinations;
        this.sites = sites;
        this.siteLinks = siteLinks;
    }

    /** A job ready for Jira, or why not. */
    sealed interface Loaded {
    }

    record Ready(Job job) implements Loaded {
    }

    /** Nothing to do, for good: the rule was switched off, the destination deleted or its site disconnected. */
    record Skip(String reason) implements Loaded {
    }

    /** Something outside the delivery has to change first; look again later. */
    record Wait(String reason) implements Loaded {
    }

    Loaded load(OutboundDelivery delivery) {
        Optional<Destination> destination = destinations.findById(delivery.destinationId());
        if (destination.isEmpty() || destination.get().isDeleted()) {
            return new Skip(DestinationEnds.DELETED);
        }
        ProductEvent event = events.find(delivery.eventId()).orElseThrow();
        Optional<Rule> rule = destination.get().rule(event.type()).filter(Rule::enabled);
        if (rule.isEmpty()) {
            return new Skip("the rule for this event type is switched off");
        }
        if (!siteLinks.organizationOf(delivery.clientKey()).map(delivery.organizationId()::equals).orElse(false)) {
            return new Skip(DestinationEnds.SITE_NOT_LINKED);
        }
        if (!siteLinks.credentialsUsable(delivery.clientKey())) {
            return new Wait("Jira rejected the credentials Ferry holds for this site; waiting for a re-install, a new API"
                    + " token or a reconnect");
        }
        if (!destination.get().isActive()) {
            return new Wait("destination needs " + destination.get().state() + ": " + destination.get().stateReason());
        }
        Optional<JiraSite> site = sites.callable(delivery.clientKey());
        if (site.isEmpty()) {
            return new Wait("Ferry is not installed on the site");
        }
        return new Ready(new Job(delivery, event, destination.get(), rule.get(), site.get()));
    }
}
