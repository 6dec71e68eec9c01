package dev.ferry.delivery;

import java.time.Instant;

/**
 * A claimed row of the outbox.
 *
 * @param attempts          how many times it has been claimed, this one included
 * @param writeAttemptedAt as the claim found it: set once an earlier attempt may have asked Jira to create or comment,
 *                          so this one looks first
 * @param issueId           set once the ticket exists, so a retry only finishes the side effects
 * @param lease             this worker's hold on the claim, and whether it has begun to write
 */
record OutboundDelivery(long id, String eventId, String destinationId, String organizationId, String clientKey,
        String dedupKey, int attempts, Instant writeAttemptedAt, String issueId, String issueKey, TicketOutcome outcome,
        Lease lease) {

    /** The property value that marks the ticket or comment this delivery wrote. */
    String marker() {
        return eventId + ":" + destinationId;
    }

    /**
     * Whether this attempt ends with the row's write mark taken back: the claim marked it, this attempt never began
     * its write, and no earlier attempt had.
     */
    boolean unmarksOnEnd() {
        return writeAttemptedAt == null && !lease.writing();
    }
}
