package dev.ferry.audit;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The names people know things by, for the audit log page: a site's address for its clientKey, a destination's
 * project and site for its id, an API key's name for its id. The log sits below the packages that own those
 * records (they write to it), so it reads their names straight from the tables rather than calling them back.
 * Records keep ids, so a record stays exact when a name changes; a thing since deleted shows its id.
 */
@Component
class AuditNames {

    private static final Set<String> SITE_ACTIONS = Set.of("SITE_CONNECTED", "SITE_DISCONNECTED", "SITE_REVOKED",
            "CONNECTION_ADDED", "CONNECTION_EDITED", "CONNECTION_TESTED", "CONNECTION_TOKEN_REPLACED", "CONNECTION_RECONNECTED",
            "CONNECTION_DELETED");

    private final JdbcClient jdbc;

    AuditNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Names for one page of an organization's records. */
    Names of(String organizationId, List<AuditEntry> entries) {
        Map<String, String> destinations = new HashMap<>();
        Set<String> clientKeys = new HashSet<>();
        jdbc.sql("select id, client_key, project_key from destination where organization_id = ?").param(organizationId)
                .query((rs, row) -> {
                    destinations.put(rs.getString("id"), rs.getString("project_key") + "\u0000" + rs.getString("client_key"));
                    return clientKeys.add(rs.getString("client_key"));
                }).list();
        jdbc.sql("select client_key from site_link where organization_id = ?").param(organizationId)
                .query(String.class).list().forEach(clientKeys::add);
        entries.stream().filter(entry -> SITE_ACTIONS.contains(entry.action()) && entry.target() != null)
                .forEach(entry -> clientKeys.add(entry.target()));
        Map<String, String> sites = sites(clientKeys);
        Map<String, String> destinationNames = new HashMap<>();
        destinations.forEach((id, projectAndSite) -> {
            String[] parts = projectAndSite.split("\u0000", 2);
            destinationNames.put(id, parts[0] + " on " + sites.getOrDefault(parts[1], "a site no longer installed"));
        });
        Map<String, String> keys = new HashMap<>();
        jdbc.sql("select id, name from api_key where organization_id = ?").param(organizationId)
                .query((rs, row) -> keys.put(rs.getString("id"), rs.getString("name"))).list();
        return new Names(sites, destinationNames, keys);
    }

    /** Each site's host (its address without the scheme), the way people name Jira sites. */
    private Map<String, String> sites(Set<String> clientKeys) {
        Map<String, String> sites = new HashMap<>();
        if (clientKeys.isEmpty()) {
            return sites;
        }
        jdbc.sql("select client_key, base_url from site where client_key in (:keys)").param("keys", List.copyOf(clientKeys))
                .query((rs, row) -> sites.put(rs.getString("client_key"), host(rs.getString("base_url")))).list();
        jdbc.sql("select id, site_url from jira_connection where id in (:keys)").param("keys", List.copyOf(clientKeys))
                .query((rs, row) -> sites.put(rs.getString("id"), host(rs.getString("site_url")))).list();
        return sites;
    }

    private static String host(String baseUrl) {
        try {
            String host = URI.create(baseUrl).getHost();
            return host == null ? baseUrl : host + portOf(URI.create(baseUrl));
        } catch (IllegalArgumentException notAUri) {
            return baseUrl;
        }
    }

    private static String portOf(URI uri) {
        return uri.getPort() == -1 ? "" : ":" + uri.getPort();
    }

    /** Lookups by id: sites by clientKey, destinations by id, API keys by id. */
    record Names(Map<String, String> sites, Map<String, String> destinations, Map<String, String> apiKeys) {
    }
}
