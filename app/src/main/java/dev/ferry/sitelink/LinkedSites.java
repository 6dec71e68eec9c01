package dev.ferry.sitelink;

import dev.ferry.persistence.Columns;
import dev.ferry.sitelink.LinkedSite.Credentials;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads an organization's linked sites together with their install records and the last webhook each
 * sent, in one query.
 */
@Component
public class LinkedSites {

    /**
     * A link is to an installed site or to an API-token or OAuth connection (linked under its id); a connection
     * has no install, so it reads as {@code connected} since it was added.
     */
    private static final String SELECT = """
            select l.client_key, coalesce(s.base_url, c.site_url) as base_url, s.display_url,
                   coalesce(s.state, 'CONNECTED') as state, coalesce(s.installed_at, c.created_at) as installed_at,
                   s.last_installed_at, coalesce(s.updated_at, c.updated_at) as updated_at, s.uninstalled_at,
                   s.last_webhook_at, l.linked_at, l.linked_by, l.credentials_rejected_at, l.credentials_error,
                   coalesce(c.kind, 'APP_INSTALL') as kind
            from site_link l left join site s on s.client_key = l.client_key
            left join jira_connection c on c.id = l.client_key
            where l.organization_id = :organizationId and (s.client_key is not null or c.id is not null)""";

    private final JdbcClient jdbc;

    LinkedSites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<LinkedSite> of(String organizationId) {
        return jdbc.sql(SELECT + " order by l.linked_at, l.client_key").param("organizationId", organizationId)
                .query((rs, row) -> read(rs)).list();
    }

    /** The organization's installed sites only: the Jira sites page and the sites API, which link installs. */
    public List<LinkedSite> installs(String organizationId) {
        return of(organizationId).stream().filter(LinkedSite::installed).toList();
    }

    public Optional<LinkedSite> find(String organizationId, String clientKey) {
        return jdbc.sql(SELECT + " and l.client_key = :clientKey").param("organizationId", organizationId)
                .param("clientKey", clientKey).query((rs, row) -> read(rs)).optional();
    }

    private static LinkedSite read(ResultSet rs) throws SQLException {
        return new LinkedSite(rs.getString("client_key"), rs.getString("base_url"), rs.getString("display_url"),
                rs.getString("state").toLowerCase(Locale.ROOT), Columns.instant(rs, "installed_at"),
                Columns.instant(rs, "last_installed_at"), Columns.instant(rs, "updated_at"), Columns.instant(rs, "uninstalled_at"),
                Columns.instant(rs, "last_webhook_at"), Columns.instant(rs, "linked_at"), rs.getString("linked_by"),
                Credentials.of(Columns.instant(rs, "credentials_rejected_at"), rs.getString("credentials_error")),
                rs.getString("kind").toLowerCase(Locale.ROOT));
    }
}
