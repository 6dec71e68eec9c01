package dev.ferry.connection;

import java.time.LocalDate;

/**
 * An edit of a connection: each field left null keeps what is stored, so a token is replaced without
 * re-entering the rest. An empty string clears an optional field (the Confluence ones, the default project,
 * the expiry date as {@code clearTokenExpiry}).
 *
 * @param token           a new API token (replaces the stored one; tested before it is kept)
 * @param confluenceToken a new Confluence token; empty: Confluence uses the Jira token again
 */
public record ConnectionChanges(String email, String token, LocalDate tokenExpiresOn, Boolean clearTokenExpiry,
        String confluenceUrl, String confluenceEmail, String confluenceToken, String defaultProject) {

    @Override
    public String toString() {
        return "ConnectionChanges[" + email + ", tokens hidden]";
    }
}
