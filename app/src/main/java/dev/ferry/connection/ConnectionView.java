package dev.ferry.connection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A connection as the API shows it, whatever its kind; never a secret. Fields a kind lacks are null.
 *
 * @param id            the key destinations and links name it by ({@code site} in their bodies)
 * @param kind          {@code app_install}, {@code api_token} or {@code oauth}
 * @param name          the site's host, as people call it
 * @param route         {@code site} (classic API token) or {@code gateway} (scoped token, OAuth)
 * @param tokenExpiresOn the API token's expiry date, when given
 * @param expiryWarning set from {@code ferry.connections.expiry-warning} before that date on: what to do
 * @param notes         what Ferry noticed when it was added (a URL reduced to the site, the route it found)
 */
public record ConnectionView(String id, String kind, String name, String siteUrl, Health health, String route,
        String cloudId, String email, Account account, LocalDate tokenExpiresOn, String expiryWarning,
        Confluence confluence, String defaultProject, Instant createdAt, String createdBy, Instant updatedAt,
        List<String> notes) {

    /**
     * @param state   {@code ok}; {@code credentials_rejected} (Jira answered 401: replace the token, or reinstall);
     *                {@code reconnect_needed} (the OAuth grant was refused or revoked); {@code token_expired};
     *                {@code uninstalled} (the app was removed from the site)
     * @param message what happened and what to do, in a person's words; null when all is well
     */
    public record Health(String state, String message) {

        static final Health OK = new Health("ok", null);

        public boolean ok() {
            return "ok".equals(state);
        }
    }

    /** The Atlassian account the connection calls Jira as. */
    public record Account(String accountId, String displayName) {
    }

    /**
     * @param url           where Confluence is reached ({@code {site}/wiki} unless another was given)
     * @param email         the account email used for Confluence
     * @param separateToken whether Confluence has its own token
     */
    public record Confluence(String url, String email, boolean separateToken) {
    }

    /** The same connection with what Ferry noticed adding it. */
    ConnectionView withNotes(List<String> added) {
        return new ConnectionView(id, kind, name, siteUrl, health, route, cloudId, email, account, tokenExpiresOn,
                expiryWarning, confluence, defaultProject, createdAt, createdBy, updatedAt, List.copyOf(added));
    }
}
