package dev.ferry.delivery;

import java.time.Instant;

/**
 * A claimed row of the outbox.
 *
 * @param attempts          how many times it has been claimed, this one included
 * @param writeAttemptedAt set before Ferry first asks Jira to create or comment; after it, a retry looks first
 * @param issueId           set once the ticket exists, so a retry only finishes the side effects
 */
record OutboundDelivery(long id, String eventId, String destinationId, String organizationId, String clientKey,
        String dedupKey, int attempts, Instant writeAttemptedAt, String issueId, String issueKey, TicketOutcome outcome) {

    /** The property value that marks the ticket or comment this delivery wrote. */
    String marker() {
        return eventId + ":" + destinationId;
    }
}
