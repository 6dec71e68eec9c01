package dev.ferry.sitelink;

import dev.ferry.sitelink.LinkedSite.Credentials;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
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

    private static final String SELECT = """
            select l.client_key, s.base_url, s.display_url, s.state, s.installed_at, s.last_installed_at, s.updated_at,
                   s.uninstalled_at, s.last_webhook_at, l.linked_at, l.linked_by, l.credentials_rejected_at,
                   l.credentials_error
            from site_link l join site s on s.client_key = l.client_key
            where l.organization_id = :organizationId""";

    private final JdbcClient jdbc;

    LinkedSites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<LinkedSite> of(String organizationId) {
        return jdbc.sql(SELECT + " order by l.linked_at, l.client_key").param("organizationId", organizationId)
                .query((rs, row) -> read(rs)).list();
    }

    public Optional<LinkedSite> find(String organizationId, String clientKey) {
        return jdbc.sql(SELECT + " and l.client_key = :clientKey").param("organizationId", organizationId)
                .param("clientKey", clientKey).query((rs, row) -> read(rs)).optional();
    }

    private static LinkedSite read(ResultSet rs) throws SQLException {
        return new LinkedSite(rs.getString("client_key"), rs.getString("base_url"), rs.getString("display_url"),
                rs.getString("state").toLowerCase(Locale.ROOT), instant(rs, "installed_at"),
                instant(rs, "last_installed_at"), instant(rs, "updated_at"), instant(rs, "uninstalled_at"),
                instant(rs, "last_webhook_at"), instant(rs, "linked_at"), rs.getString("linked_by"),
                Credentials.of(instant(rs, "credentials_rejected_at"), rs.getString("credentials_error")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
