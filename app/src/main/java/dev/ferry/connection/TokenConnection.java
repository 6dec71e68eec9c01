package dev.ferry.connection;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An API-token or OAuth connection as stored, without its secrets (those are opened only to make a call).
 *
 * @param siteUrl        the site's own URL ({@code https://name.atlassian.net})
 * @param email          the Atlassian account's email (API token); null for OAuth
 * @param tokenExpiresOn the API token's expiry date as the admin gave it; null when not given
 * @param confluenceUrl  Confluence's base URL when it is not {@code {site}/wiki}; null for the default
 * @param confluenceEmail the Confluence account's email when it is not the Jira one; null for the same
 * @param separateConfluenceToken whether Confluence has a token of its own
 * @param oauthGrantId   the grant whose tokens an OAuth connection uses; null for an API token
 */
public record TokenConnection(String id, long version, String organizationId, ConnectionKind kind, URI siteUrl,
        String cloudId, ApiRoute route, String email, LocalDate tokenExpiresOn, URI confluenceUrl,
        String confluenceEmail, boolean separateConfluenceToken, String oauthGrantId, String defaultProject,
        String accountId, String accountName, Instant createdAt, String createdBy, Instant updatedAt) {
}
