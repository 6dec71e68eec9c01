package dev.ferry.ingest;

import dev.ferry.connection.ConnectionKind;
import dev.ferry.connection.ConnectionStore;
import dev.ferry.connection.ConnectionTargets;
import dev.ferry.connection.TokenConnection;
import dev.ferry.jira.JiraSite;
import dev.ferry.refusal.Refusal;
import dev.ferry.site.SiteDirectory;
import dev.ferry.sitelink.LinkedSite;
import dev.ferry.sitelink.LinkedSites;
import dev.ferry.sitelink.SiteLinks;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A connection as the streams read it: its organization, Jira over its credentials, and Confluence when the
 * connection has it. An API-token connection always has Confluence (at {@code {site}/wiki} with the Jira
 * credentials unless it names others); an OAuth connection only when its grant holds a Confluence read scope;
 * an app install never (Connect apps are installed per product).
 */
@Component
public class IngestTargets {

    /** Atlassian's Confluence read scopes, classic and granular: any one of them lets a grant read pages. */
    static final Set<String> CONFLUENCE_READ_SCOPES = Set.of("read:confluence-content.all",
            "read:confluence-content.summary", "read:confluence-space.summary", "read:page:confluence",
            "read:comment:confluence", "read:space:confluence");

    private final ConnectionStore connections;
    private final ConnectionTargets targets;
    private final SiteDirectory sites;
    private final SiteLinks links;
    private final LinkedSites linked;
    private final JdbcClient jdbc;

    IngestTargets(ConnectionStore connections, ConnectionTargets targets, SiteDirectory sites, SiteLinks links,
            LinkedSites linked, JdbcClient jdbc) {
        this.connections = connections;
        this.targets = targets;
        this.sites = sites;
        this.links = links;
        this.linked = linked;
        this.jdbc = jdbc;
    }

    /** The organization's connection to read; refused as not found when it is unknown or another organization's. */
    public IngestTarget of(String organizationId, String connectionId) {
        return find(connectionId).filter(target -> target.organizationId().equals(organizationId))
                .orElseThrow(() -> Refusal.notFound("no connection " + connectionId + " in this organization"));
    }

    /**
     * Refuses as not found unless the connection is linked to the organization, without opening its credentials
     * (an OAuth grant would be refreshed): for requests that only name it.
     */
    public void requireOwned(String organizationId, String connectionId) {
        if (!links.organizationOf(connectionId).filter(organizationId::equals).isPresent()) {
            throw Refusal.notFound("no connection " + connectionId + " in this organization");
        }
    }

    /** The connection as linked now, for a worker: empty once it was deleted or its site is no longer callable. */
    public Optional<IngestTarget> find(String connectionId) {
        Optional<String> organization = links.organizationOf(connectionId);
        if (organization.isEmpty()) {
            return Optional.empty();
        }
        Optional<TokenConnection> stored = connections.find(connectionId);
        Optional<JiraSite> jira = stored.isPresent() ? targets.jira(stored.get()) : sites.callable(connectionId);
        return jira.map(site -> new IngestTarget(organization.get(), connectionId, site,
                stored.filter(this::hasConfluence).flatMap(targets::confluence)));
    }

    /** The organization's connections as {@link #of} reads them, in the order they were linked. */
    public List<IngestTarget> ofOrganization(String organizationId) {
        return linked.of(organizationId).stream().map(LinkedSite::clientKey).map(this::find).flatMap(Optional::stream)
                .toList();
    }

    /** Whether the connection reaches Confluence, without opening its credentials. */
    public boolean hasConfluence(String connectionId) {
        return connections.find(connectionId).filter(this::hasConfluence).isPresent();
    }

    /**
     * The scopes an OAuth connection's grant holds, without opening its credentials; empty for an install or an
     * API-token connection, which have no scopes.
     */
    public Optional<Set<String>> grantScopes(String connectionId) {
        return connections.find(connectionId).filter(c -> c.kind() == ConnectionKind.OAUTH && c.oauthGrantId() != null)
                .flatMap(c -> jdbc.sql("select scopes from oauth_grant where id = ?").param(c.oauthGrantId())
                        .query(String.class).optional())
                .map(scopes -> Set.copyOf(Arrays.asList(scopes.trim().split("[\\s,]+"))));
    }

    private boolean hasConfluence(TokenConnection connection) {
        if (connection.kind() == ConnectionKind.API_TOKEN) {
            return true;
        }
        if (connection.kind() != ConnectionKind.OAUTH || connection.oauthGrantId() == null) {
            return false;
        }
        return grantScopes(connection.id()).map(scopes -> scopes.stream().anyMatch(CONFLUENCE_READ_SCOPES::contains))
                .orElse(false);
    }

    /** How the connection reaches Jira: {@code app_install}, {@code api_token} or {@code oauth}. */
    public ConnectionKind kindOf(String connectionId) {
        return connections.find(connectionId).map(TokenConnection::kind).orElse(ConnectionKind.APP_INSTALL);
    }
}
