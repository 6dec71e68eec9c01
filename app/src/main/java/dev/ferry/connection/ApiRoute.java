package dev.ferry.connection;

import java.util.Locale;

/**
 * Where a token connection's calls go. A classic API token is accepted by the site itself; a scoped API
 * token (and every OAuth access token) only by Atlassian's gateway, {@code api.atlassian.com/ex/jira/{cloudId}}.
 */
public enum ApiRoute {
    SITE, GATEWAY;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
