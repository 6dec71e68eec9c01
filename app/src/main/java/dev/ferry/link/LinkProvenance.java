package dev.ferry.link;

/**
 * Where a link came from on the product side: the organization, and for tickets filed from events, the
 * destination and the event that spawned it. Links made in Jira's panel or by tests may leave parts null.
 */
public record LinkProvenance(String organizationId, String destinationId, String eventId, String eventType) {

    public static final LinkProvenance NONE = new LinkProvenance(null, null, null, null);

    public static LinkProvenance manual(String organizationId) {
        return new LinkProvenance(organizationId, null, null, null);
    }
}
