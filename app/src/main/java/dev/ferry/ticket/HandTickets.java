package dev.ferry.ticket;

import dev.ferry.principal.Caller;
import org.springframework.stereotype.Service;

/**
 * Files a ticket by hand for a product object and links it at once, exactly once per idempotency key:
 * every field is checked against the site before anything is stored, and a crash after Jira's answer
 * leaves no second ticket.
 */
@Service
public class HandTickets {

    /**
     * Files the ticket, or returns the one already filed for this idempotency key. Throws a
     * {@code Refusal} naming the field for bad input, and Jira's own words when Jira refuses the create.
     *
     * @param idempotencyKey the caller's key for this request; null means a new request every time
     */
    public HandTicket create(Caller caller, TicketDraft draft, String idempotencyKey) {
        throw new UnsupportedOperationException("filled in by the tickets branch");
    }
}
