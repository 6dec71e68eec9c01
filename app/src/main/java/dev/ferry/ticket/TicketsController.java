package dev.ferry.ticket;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import dev.ferry.refusal.InvalidBody;
import dev.ferry.refusal.Refusal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Tickets filed by hand through the product API: file one for an object, read how far it has got. */
@RestController
class TicketsController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HandTickets tickets;

    TicketsController(HandTickets tickets) {
        this.tickets = tickets;
    }

    /**
     * @param description plain text (a JSON string) or an ADF document (a JSON object)
     * @param assignee    an Atlassian accountId
     */
    record NewTicket(String site, String project, String issueType, String summary, JsonNode description,
            String priority, List<String> labels, String assignee, ObjectBody object) {
    }

    /** The product object the ticket is for; {@code facts} are shown in the description's context section. */
    record ObjectBody(String type, String id, String title, String url, String state, Map<String, String> facts) {
    }

    @PostMapping("/api/v1/tickets")
    @RequiresScope(ApiScope.LINKS_WRITE)
    ResponseEntity<HandTicket> create(ApiCaller caller, @RequestBody NewTicket body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        HandTicket ticket = tickets.create(caller, draft(body), idempotencyKey);
        HttpStatus status = ticket.state() == HandTicket.State.CREATED ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status).location(URI.create("/api/v1/tickets/" + ticket.id())).body(ticket);
    }

    @GetMapping("/api/v1/tickets/{id}")
    @RequiresScope(ApiScope.LINKS_READ)
    HandTicket get(ApiCaller caller, @PathVariable long id) {
        return tickets.find(caller, id).orElseThrow(() -> Refusal.notFound("no ticket " + id + " was filed by hand here"));
    }

    static TicketDraft draft(NewTicket body) {
        JsonNode description = body.description();
        if (description != null && !description.isNull() && !description.isString() && !description.isObject()) {
            throw InvalidBody.of("/description", "description must be plain text (a string) or an ADF document (an object)");
        }
        ObjectBody object = body.object();
        return new TicketDraft(body.site(), body.project(), body.issueType(), body.summary(),
                description != null && description.isString() ? description.asString() : null,
                description != null && description.isObject() ? description : null, body.priority(),
                body.labels(), body.assignee(), object == null ? null
                        : new TicketDraft.TicketObject(object.type(), object.id(), object.title(), object.url(),
                                object.state(), object.facts()));
    }
}
