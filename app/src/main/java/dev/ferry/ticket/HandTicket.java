package dev.ferry.ticket;

import java.time.Instant;

/**
 * A ticket filed by hand, as far as it has got.
 *
 * @param id       Ferry's id of the request, stable across retries with the same idempotency key
 * @param state    CREATED once Jira has the issue and it is linked; PENDING while a worker still has to finish it
 * @param issueKey null while pending
 * @param linkId   the link to the object, null while pending
 */
public record HandTicket(long id, State state, String site, String issueId, String issueKey, String issueUrl,
        Long linkId, Instant createdAt, String lastError) {

    /** How far the ticket has got. */
    public enum State {
        PENDING, CREATED, FAILED
    }
}
