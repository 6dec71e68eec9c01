package dev.ferry.delivery;

import dev.ferry.destination.Destination;
import dev.ferry.destination.DestinationRepository;
import dev.ferry.destination.Rule;
import dev.ferry.event.ProductEvent;
import dev.ferry.event.ProductEvents;
import dev.ferry.jira.JiraSite;
import dev.ferry.persistence.KeptLookups;
import dev.ferry.persistence.LookupCacheProperties;
import dev.ferry.site.SiteDirectory;
import dev.ferry.sitelink.CredentialsRenewed;
import dev.ferry.sitelink.SiteDisconnected;
import dev.ferry.sitelink.SiteLinks;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.data.relational.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.data.relational.core.mapping.event.RelationalEvent;
import org.springframework.data.relational.core.mapping.event.WithEntity;
import org.springframework.data.relational.core.mapping.event.WithId;
import org.springframework.stereotype.Component;

/**
 * Loads what a claimed delivery needs and says why it cannot go to Jira now, if it cannot: each such
 * reason parks or ends the delivery without a single call to Jira. A destination with its rules and a site's
 * link are kept for {@code ferry.lookup-cache.ttl}, as the intake keeps what it reads: every delivery asks, and they seldom change. This
 * node's changes are forgotten at once; another node's are seen within the time to live.
 */
@Component
class Jobs {

    private final ProductEvents events;
    private final DestinationRepository destinations;
    private final SiteDirectory sites;
    private final SiteLinks siteLinks;
    private final KeptLookups<Destination> keptDestinations;
    private final KeptLookups<SiteAccess> keptSites;

    Jobs(ProductEvents events, DestinationRepository destinations, SiteDirectory sites, SiteLinks siteLinks,
            LookupCacheProperties cache, Clock clock) {
        this.events = events;
        this.destinations = destinations;
        this.sites = sites;
        this.siteLinks = siteLinks;
        this.keptDestinations = new KeptLookups<>(cache::ttl, clock);
        this.keptSites = new KeptLookups<>(cache::ttl, clock);
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

    /** Which organization a site is linked to, and whether Jira still takes the credentials Ferry holds for it. */
    private record SiteAccess(String organizationId, boolean credentialsUsable) {
    }

    /**
     * The events of a claimed batch, in one query; none when one of them cannot be read, so that each delivery then
     * reads its own and an unreadable event fails only its own delivery.
     */
    Map<String, ProductEvent> eventsOf(List<OutboundDelivery> claimed) {
        try {
            return readEvents(claimed);
        } catch (RuntimeException unreadable) {
            if (dev.ferry.persistence.DatabaseFailures.isOutage(unreadable)) {
                throw unreadable;
            }
            return Map.of();
        }
    }

    private Map<String, ProductEvent> readEvents(List<OutboundDelivery> claimed) {
        return events.findAll(claimed.stream().map(OutboundDelivery::eventId).distinct().toList()).stream()
                .collect(Collectors.toMap(ProductEvent::id, Function.identity()));
    }

    Loaded load(OutboundDelivery delivery) {
        return load(delivery, null);
    }

    /** @param event the delivery's event when already read with its batch, else null */
    Loaded load(OutboundDelivery delivery, ProductEvent event) {
        Optional<Destination> destination = keptDestinations.get(delivery.destinationId(), destinations::findById);
        if (destination.isEmpty() || destination.get().isDeleted()) {
            return new Skip(DestinationEnds.DELETED);
        }
        if (event == null) {
            event = events.find(delivery.eventId()).orElseThrow();
        }
        Optional<Rule> rule = destination.get().rule(event.type()).filter(Rule::enabled);
        if (rule.isEmpty()) {
            return new Skip("the rule for this event type is switched off");
        }
        Optional<SiteAccess> access = keptSites.get(delivery.clientKey(), key -> siteLinks.organizationOf(key)
                .map(organization -> new SiteAccess(organization, siteLinks.credentialsUsable(key))));
        if (!access.map(SiteAccess::organizationId).map(delivery.organizationId()::equals).orElse(false)) {
            return new Skip(DestinationEnds.SITE_NOT_LINKED);
        }
        if (!access.get().credentialsUsable()) {
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

    /** Jira rejected the site's credentials on this node: its next delivery must see it. */
    void credentialsRejected(String clientKey) {
        keptSites.forget(clientKey);
    }

    /** A destination or a site link saved or deleted on this node (Spring Data's events) is read again. */
    @EventListener
    void on(AfterSaveEvent<?> saved) {
        changed(saved);
    }

    @EventListener
    void on(AfterDeleteEvent<?> deleted) {
        changed(deleted);
    }

    /** Only saves and deletes: Spring Data also raises events for every row it loads. */
    private void changed(RelationalEvent<?> change) {
        if (change.getType() == Destination.class) {
            if (change instanceof WithId<?> deleted) {
                keptDestinations.forget(String.valueOf(deleted.getId().getValue()));
            }
            if (change instanceof WithEntity<?> saved && saved.getEntity() instanceof Destination destination) {
                keptDestinations.forget(destination.id());
            }
        } else if (change.getType().getPackageName().equals(SiteLinks.class.getPackageName())) {
            keptSites.forgetAll(); // a link made or undone; its aggregate type is the package's own
        }
    }

    @EventListener
    void on(CredentialsRenewed renewed) {
        keptSites.forget(renewed.clientKey());
    }

    @EventListener
    void on(SiteDisconnected disconnected) {
        keptSites.forget(disconnected.clientKey());
    }
}
