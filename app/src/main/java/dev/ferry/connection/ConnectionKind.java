package dev.ferry.connection;

import java.util.Locale;

/** How a connection reaches Jira. */
public enum ConnectionKind {
    /** The installed Connect app (JWT): a linked site. */
    APP_INSTALL("app-install-"),
    /** An Atlassian account's email and API token (Basic auth). */
    API_TOKEN("api-token-"),
    /** An OAuth 2.0 (3LO) grant of an Atlassian account. */
    OAUTH("oauth-");

    private final String idPrefix;

    ConnectionKind(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    /** A new id of this kind; the prefix tells the kind in logs and in the site_link table. */
    public String newId() {
        return idPrefix + java.util.UUID.randomUUID();
    }

    /** Whether the key is an API-token or OAuth connection's id (an install's clientKey is Jira's, unprefixed). */
    static boolean isConnectionId(String key) {
        return key.startsWith(API_TOKEN.idPrefix) || key.startsWith(OAUTH.idPrefix);
    }

    /** As the API writes it: {@code app_install}, {@code api_token}, {@code oauth}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
