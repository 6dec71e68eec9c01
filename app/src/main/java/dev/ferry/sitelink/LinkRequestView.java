package dev.ferry.sitelink;

import java.time.Instant;

/**
 * A link request as the API and the admin page show it. No code is ever part of it: the code is shown
 * only to a Jira administrator, inside Jira.
 *
 * @param state              {@code AWAITING_INSTALL}, {@code PENDING}, {@code CONFIRMED}, {@code CANCELLED} or {@code EXPIRED}
 * @param siteUrl            the site's address, once known
 * @param configurePageUrl   where a Jira administrator confirms it (Ferry's configure page inside Jira), once installed
 * @param descriptorUrl      the app descriptor, which installs Ferry on development sites
 * @param forgeInstallLink   the app's Forge installation link, when one is configured
 */
public record LinkRequestView(long id, String site, String siteUrl, String clientKey, String state,
        Instant requestedAt, String requestedBy, Instant expiresAt, String configurePageUrl, String descriptorUrl,
        String forgeInstallLink) {
}
