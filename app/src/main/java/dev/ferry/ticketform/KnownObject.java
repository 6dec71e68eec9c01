package dev.ferry.ticketform;

import dev.ferry.event.ProductEvent;
import dev.ferry.event.ProductEvents;
import dev.ferry.link.TicketLink;
import dev.ferry.link.TicketLinks;
import dev.ferry.ticket.TicketDraft;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What Ferry knows of a product object that the form does not ask for, so a ticket filed from the console
 * carries the same context as one the product files over the API: the object's state (kept on its links as
 * the product reports it) and its key facts (the variables of the newest event the product sent about it).
 */
@Component
class KnownObject {

    private final TicketLinks links;
    private final ProductEvents events;

    KnownObject(TicketLinks links, ProductEvents events) {
        this.links = links;
        this.events = events;
    }

    /** The object the form names, with its state and facts as Ferry knows them (null and none when it knows nothing). */
    TicketDraft.TicketObject of(String organizationId, TicketForm form) {
        List<TicketLink> linked = links.forObject(organizationId, form.subjectType(), form.subjectId());
        // Links are oldest first; each change of state is written to every link, so the newest with one is current.
        String state = null;
        for (TicketLink link : linked) {
            state = link.object().state() == null ? state : link.object().state();
        }
        Map<String, String> facts = events.latestAbout(organizationId, form.subjectType(), form.subjectId())
                .map(ProductEvent::variables).map(TicketDraft.TicketObject::fitted).orElse(Map.of());
        return new TicketDraft.TicketObject(form.subjectType(), form.subjectId(), form.subjectTitle(),
                form.subjectUrl().isEmpty() ? null : form.subjectUrl(), state, facts);
    }
}
