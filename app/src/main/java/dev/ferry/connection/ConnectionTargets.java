package dev.ferry.connection;

import dev.ferry.jira.JiraAuth;
import dev.ferry.jira.JiraSite;
import dev.ferry.site.OtherConnections;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * An API-token or OAuth connection as the Jira client calls it: the site URL or the gateway path, and the
 * credentials opened just for the call.
 */
@Component
public class ConnectionTargets implements OtherConnections {

    private final ConnectionStore store;
    private final OAuthGrants grants;
    private final ConnectionProperties properties;

    ConnectionTargets(ConnectionStore store, OAuthGrants grants, ConnectionProperties properties) {
        this.store = store;
        this.grants = grants;
        this.properties = properties;
    }

    @Override
    public Optional<JiraSite> callable(String key) {
        if (!ConnectionKind.isConnectionId(key)) {
            return Optional.empty();
        }
        return store.find(key).flatMap(this::jira);
    }

    /** Jira's REST API over the connection. */
    public Optional<JiraSite> jira(TokenConnection c) {
        URI apiBase = c.route() == ApiRoute.SITE ? c.siteUrl() : properties.gateway("jira", c.cloudId());
        return auth(c, false).map(auth -> new JiraSite(c.id(), c.siteUrl(), apiBase, auth));
    }

    /**
     * Confluence's REST API over the connection ({@code apiBase} + {@code /api/v2/...}): {@code {site}/wiki}
     * or the URL the admin gave, or {@code api.atlassian.com/ex/confluence/{cloudId}/wiki}; with Confluence's
     * own email and token when it has them, else the Jira ones.
     */
    public Optional<JiraSite> confluence(TokenConnection c) {
        URI apiBase = c.route() == ApiRoute.GATEWAY ? URI.create(properties.gateway("confluence", c.cloudId()) + "/wiki")
                : c.confluenceUrl() != null ? c.confluenceUrl() : URI.create(c.siteUrl() + "/wiki");
        return auth(c, true).map(auth -> new JiraSite(c.id(), c.siteUrl(), apiBase, auth));
    }

    private Optional<JiraAuth> auth(TokenConnection c, boolean confluence) {
        if (c.kind() == ConnectionKind.OAUTH) {
            // refreshed first when it is about to expire, through the same lease as the worker's
            return grants.accessToken(c.oauthGrantId()).map(JiraAuth.OAuthBearer::new);
        }
        if (confluence && c.separateConfluenceToken()) {
            String email = c.confluenceEmail() != null ? c.confluenceEmail() : c.email();
            return store.confluenceToken(c.id()).map(token -> new JiraAuth.ApiToken(email, token));
        }
        String email = confluence && c.confluenceEmail() != null ? c.confluenceEmail() : c.email();
        return store.token(c.id()).map(token -> new JiraAuth.ApiToken(email, token));
    }
}
