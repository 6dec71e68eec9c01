package dev.ferry.link;

import java.time.Instant;

/**
 * Something happened to a linked ticket that the product may want to hear of: published inside the transaction
 * that changed the link, so a listener's own writes commit or roll back with the change.
 *
 * @param organizationId    the organization the link's site belongs to
 * @param site              the site's key, as links and destinations name it
 * @param previousIssueKey  the key before a move; null otherwise
 * @param previousStatus    the status name before a status change; null otherwise
 * @param occurredAt        when Ferry learnt of it
 */
public record TicketChanged(Kind kind, String organizationId, long linkId, String site, String issueId,
        String issueKey, String previousIssueKey, String statusName, String statusCategory, String previousStatus,
        String previousStatusCategory, String objectType, String objectId, LinkOrigin origin, Instant occurredAt) {

    /** What happened. */
    public enum Kind {
        /** Ferry filed a ticket for the object (by rule or by hand; never a test ticket or a linked existing one). */
        CREATED,
        /** The ticket's status changed in Jira. */
        STATUS_CHANGED,
        /** The ticket moved to another project: it has a new key. */
        MOVED,
        /** The ticket was deleted in Jira. */
        DELETED,
        /** The link between the ticket and the object was removed. */
        LINK_REMOVED
    }
}
