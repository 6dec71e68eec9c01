package dev.ferry.delivery;

import java.time.Instant;

/**
 * A claimed row of the outbox.
 *
 * @param attempts          how many times it has been claimed, this one included
 * @param createAttemptedAt set before Ferry first asks Jira to create; after it, a retry searches first
 * @param issueId           set once the ticket exists, so a retry only finishes the side effects
 */
record OutboundDelivery(long id, String eventId, String destinationId, String organizationId, String clientKey,
        int attempts, Instant createAttemptedAt, String issueId, String issueKey, TicketOutcome outcome) {

    /** The issue-property value that marks the ticket this delivery created. */
    String marker() {
        return eventId + ":" + destinationId;
    }
}
