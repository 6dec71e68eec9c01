package dev.ferry.destination;

import dev.ferry.sitelink.SiteLinks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which destinations an event of a type goes to: those whose rule for it is on, split by whether their site
 * is linked to the organization now. One on a disconnected site gets nothing queued, so a later re-link
 * never files events from the time it was disconnected.
 */
@Component
public class EventTargets {

    private final DestinationRepository destinations;
    private final SiteLinks siteLinks;

    EventTargets(DestinationRepository destinations, SiteLinks siteLinks) {
        this.destinations = destinations;
        this.siteLinks = siteLinks;
    }

    /** @param unlinked destinations that want the event but whose site is not linked to the organization */
    public record Targets(List<Destination> deliver, List<Destination> unlinked) {
    }

    public Targets of(String organizationId, String eventType) {
        List<Destination> wanting = destinations.findByOrganizationIdAndDeletedAtIsNullOrderByCreatedAt(organizationId)
                .stream().filter(destination -> destination.rule(eventType).filter(Rule::enabled).isPresent()).toList();
        if (wanting.isEmpty()) {
            return new Targets(List.of(), List.of());
        }
        // Asked per event, after the rules: an event no destination wants costs no second query.
        Set<String> linked = siteLinks.linkedTo(organizationId);
        Map<Boolean, List<Destination>> byLink = wanting.stream()
                .collect(Collectors.partitioningBy(destination -> linked.contains(destination.clientKey())));
        return new Targets(byLink.get(true), byLink.get(false));
    }
}
