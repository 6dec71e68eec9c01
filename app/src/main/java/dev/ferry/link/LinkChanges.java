package dev.ferry.link;

import dev.ferry.sitelink.SiteLinks;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announces {@link TicketChanged} for what really changed on a link: compares a link with what it showed before,
 * and publishes in the caller's transaction. A link of a site no organization has linked announces nothing.
 */
@Component
class LinkChanges {

    private final TicketLinkRepository links;
    private final Function<String, Optional<String>> organizationOf;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Autowired
    LinkChanges(TicketLinkRepository links, SiteLinks siteLinks, ApplicationEventPublisher events, Clock clock) {
        this(links, siteLinks::organizationOf, events, clock);
    }

    /** @param organizationOf the organization a site (clientKey) is linked to now */
    LinkChanges(TicketLinkRepository links, Function<String, Optional<String>> organizationOf,
            ApplicationEventPublisher events, Clock clock) {
        this.links = links;
        this.organizationOf = organizationOf;
        this.events = events;
        this.clock = clock;
    }

    /** Saves a link read from Jira and announces its changes, together. */
    @Transactional
    TicketLink save(LinkSnapshot before, TicketLink link) {
        TicketLink saved = links.save(link);
        changed(before, saved);
        return saved;
    }

    /** A ticket filed for an object: by rule or by hand only, since a test ticket or a linked one was not filed for it. */
    void created(TicketLink link) {
        if (link.origin() == LinkOrigin.AUTOMATIC || link.origin() == LinkOrigin.HAND) {
            publish(TicketChanged.Kind.CREATED, link, null, null);
        }
    }

    void removed(TicketLink link) {
        publish(TicketChanged.Kind.LINK_REMOVED, link, null, null);
    }

    /** Deleted, moved, status changed: each that differs from {@code before}, a move before a status change. */
    void changed(LinkSnapshot before, TicketLink after) {
        if (after.issueDeleted()) {
            if (!before.issueDeleted()) {
                publish(TicketChanged.Kind.DELETED, after, null, null);
            }
            return;
        }
        if (before.issueKey() != null && after.issueKey() != null && !before.issueKey().equals(after.issueKey())) {
            publish(TicketChanged.Kind.MOVED, after, before, null);
        }
        if (statusChanged(before, after)) {
            publish(TicketChanged.Kind.STATUS_CHANGED, after, null, before);
        }
    }

    /**
     * A ticket Ferry just filed is known as "new" with no status name until Jira is first read (the create
     * answers no status); learning the name of that same category is not a change anyone made.
     */
    static boolean statusChanged(LinkSnapshot before, TicketLink after) {
        boolean sameCategory = Objects.equals(before.statusCategory(), after.statusCategory());
        if (before.statusName() == null && sameCategory) {
            return false;
        }
        return !sameCategory || !Objects.equals(before.statusName(), after.statusName());
    }

    private void publish(TicketChanged.Kind kind, TicketLink link, LinkSnapshot moved, LinkSnapshot status) {
        String organizationId = organizationOf.apply(link.clientKey())
                .orElse(link.provenance() == null ? null : link.provenance().organizationId());
        if (organizationId == null) {
            return;
        }
        events.publishEvent(new TicketChanged(kind, organizationId, link.id(), link.clientKey(), link.issueId(),
                link.issueKey(), moved == null ? null : moved.issueKey(), link.statusName(), link.statusCategory(),
                status == null ? null : status.statusName(), status == null ? null : status.statusCategory(),
                link.object().type(), link.object().id(), link.origin(), clock.instant()));
    }
}
