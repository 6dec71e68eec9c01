package dev.ferry.destination;

import dev.ferry.persistence.KeptLookups;
import dev.ferry.persistence.LookupCacheProperties;
import dev.ferry.sitelink.SiteLinks;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.data.relational.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;

/**
 * Which destinations an event of a type goes to: those whose rule for it is on, split by whether their site
 * is linked to the organization now. One on a disconnected site gets nothing queued, so a later re-link
 * never files events from the time it was disconnected.
 * <p>
 * Every posted event asks, so an organization's destinations with their rules are kept for the lookup cache's time
 * to live ({@code ferry.lookup-cache.ttl}): a destination or rule saved on this node is seen at once, one changed
 * through another node within that time (an event posted meanwhile still follows the old rule). The kept
 * destinations are only read here, never handed to code that changes them.
 */
@Component
public class EventTargets {

    private final DestinationRepository destinations;
    private final SiteLinks siteLinks;
    private final KeptLookups<List<Destination>> live;

    EventTargets(DestinationRepository destinations, SiteLinks siteLinks, LookupCacheProperties cache, Clock clock) {
        this.destinations = destinations;
        this.siteLinks = siteLinks;
        this.live = new KeptLookups<>(cache::ttl, clock);
    }

    /** @param unlinked destinations that want the event but whose site is not linked to the organization */
    public record Targets(List<Destination> deliver, List<Destination> unlinked) {
    }

    public Targets of(String organizationId, String eventType) {
        List<Destination> wanting = live.get(organizationId, organization -> Optional.of(
                        destinations.findByOrganizationIdAndDeletedAtIsNullOrderByCreatedAt(organization)))
                .orElseThrow().stream().filter(destination -> destination.rule(eventType).filter(Rule::enabled).isPresent())
                .toList();
        if (wanting.isEmpty()) {
            return new Targets(List.of(), List.of());
        }
        // Asked per event, after the rules: an event no destination wants costs no second lookup.
        Set<String> linked = siteLinks.linkedTo(organizationId);
        Map<Boolean, List<Destination>> byLink = wanting.stream()
                .collect(Collectors.partitioningBy(destination -> linked.contains(destination.clientKey())));
        return new Targets(byLink.get(true), byLink.get(false));
    }

    /** A destination or its rules saved on this node (by any code): its organization's are read again. */
    @EventListener
    void on(AfterSaveEvent<?> saved) {
        if (saved.getEntity() instanceof Destination destination) {
            live.forgetWhenCommitted(destination.organizationId());
        }
    }

    @EventListener
    void on(AfterDeleteEvent<?> deleted) {
        if (deleted.getType() == Destination.class) {
            live.forgetAllWhenCommitted();
        }
    }
}
