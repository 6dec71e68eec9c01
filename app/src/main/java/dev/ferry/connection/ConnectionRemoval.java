package dev.ferry.connection;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.sitelink.SiteConnections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes an API-token or OAuth connection: its link goes, the deliveries still open for it end (as when a
 * site is disconnected), its sealed tokens are erased with the row, and an OAuth grant no other connection
 * uses goes too. What stops is said before, by {@link #whatStops}.
 */
@Service
public class ConnectionRemoval {

    private static final Logger log = LoggerFactory.getLogger(ConnectionRemoval.class);

    private final ConnectionStore store;
    private final SiteConnections siteConnections;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final OAuthGrants grants;

    ConnectionRemoval(ConnectionStore store, SiteConnections siteConnections, AuditLog audit, JdbcClient jdbc,
            OAuthGrants grants) {
        this.grants = grants;
        this.store = store;
        this.siteConnections = siteConnections;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * @param destinations the projects of the live destinations that file tickets over the connection
     * @param openDeliveries deliveries not yet done that would end
     */
    public record WhatStops(List<String> destinations, long openDeliveries) {
    }

    /** What deleting the connection (or unlinking the site) stops; read by the same key for every kind. */
    public WhatStops whatStops(String organizationId, String key) {
        List<String> projects = jdbc.sql("""
                select project_key from destination where organization_id = ? and client_key = ? and deleted_at is null
                order by project_key""").params(organizationId, key).query(String.class).list();
        long open = jdbc.sql("""
                select count(*) from ticket_delivery where organization_id = ? and client_key = ?
                and status in ('PENDING', 'WAITING')""").params(organizationId, key)
                .query(Long.class).single();
        return new WhatStops(projects, open);
    }

    @Transactional
    public void delete(String organizationId, String actor, String id) {
        TokenConnection connection = store.of(organizationId, id);
        siteConnections.unlink(organizationId, id);
        store.delete(id);
        if (connection.oauthGrantId() != null && store.ofGrant(connection.oauthGrantId()).isEmpty()) {
            grants.forget(connection.oauthGrantId());
        }
        audit.record(organizationId, actor, AuditAction.CONNECTION_DELETED, id,
                connection.kind().value() + " connection to " + connection.siteUrl());
        log.info("connection {} ({}) deleted by {}", id, connection.siteUrl(), actor);
    }
}
