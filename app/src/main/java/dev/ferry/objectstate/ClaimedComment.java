package dev.ferry.objectstate;

import java.time.Instant;

/**
 * A claimed row of the comment outbox: one change, one ticket.
 *
 * @param attempts         how many times it has been claimed, this one included: the fence of every write
 * @param writeAttemptedAt set before Ferry first asks Jira to comment; after it, a retry looks for the comment first
 */
record ClaimedComment(long id, long changeId, long linkId, String organizationId, String clientKey, String issueId,
        String issueKey, int attempts, Instant writeAttemptedAt) {

    /** The comment property value that marks the comment this row wrote, so a retry can find it. */
    String marker() {
        return "object-change:" + changeId + ":" + linkId;
    }
}
