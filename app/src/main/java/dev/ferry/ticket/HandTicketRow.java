package dev.ferry.ticket;

import dev.ferry.jira.IssueDraft;
import dev.ferry.link.LinkedObject;
import java.time.Instant;

/**
 * A hand ticket as stored, while someone works it or after.
 *
 * @param attempts         how many times it has been claimed, this claim included: the fence of every update
 * @param writeAttemptedAt set before Jira is asked to create; after it, the issue is looked for by its marker first
 */
record HandTicketRow(long id, String organizationId, String clientKey, String idempotencyKey, String requestHash,
        IssueDraft draft, LinkedObject object, HandTicket.State state, int attempts, Instant writeAttemptedAt,
        String issueId, String issueKey, Long linkId, Instant claimedUntil, String lastError, String createdBy,
        Instant createdAt) {

    /** The value of the marker property the issue is created with. */
    String marker() {
        return "hand:" + organizationId + ":" + id;
    }
}
