package dev.ferry.sitelink;

/**
 * An organization unlinked a site: Ferry files nothing there for it any more. Published inside the
 * transaction that removed the link.
 */
public record SiteDisconnected(String organizationId, String clientKey) {
}
