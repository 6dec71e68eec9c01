package dev.ferry.forge;

import dev.ferry.crypto.Sealed;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code forge_installation} rows. Every change but the insert names the version it read and bumps it, so two
 * nodes handling the same installation at once cannot both win; a token is only ever replaced by a later one.
 */
@Component
class ForgeInstallationStore {

    private static final String COLUMNS = """
            installation_id, version, app_id, environment_id, cloud_id, site_url, api_base_url, site_key, state,
            system_token_key_id, system_token_ciphertext, system_token_expires_at""";

    private final JdbcClient jdbc;

    ForgeInstallationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ForgeInstallation> find(String installationId) {
        return jdbc.sql("select " + COLUMNS + " from forge_installation where installation_id = ?")
                .param(installationId).query(ForgeInstallationStore::row).optional();
    }

    /** The live installation serving a site; the latest when Forge installed it more than once. */
    Optional<ForgeInstallation> liveForSite(String siteKey) {
        return jdbc.sql("select " + COLUMNS + " from forge_installation where site_key = ? and state = 'INSTALLED'"
                + " order by installed_at desc").param(siteKey).query(ForgeInstallationStore::row).list().stream().findFirst();
    }

    void insert(ForgeInstallation installation, Instant now) {
        jdbc.sql("insert into forge_installation (" + COLUMNS + ", installed_at) values (?, 0, ?, ?, ?, ?, ?, ?, ?,"
                + " null, null, null, ?)")
                .params(installation.installationId(), installation.appId(), installation.environmentId(),
                        installation.cloudId(), installation.siteUrl(), installation.apiBaseUrl().toString(),
                        installation.siteKey(), installation.state().name(), Timestamp.from(now))
                .update();
    }

    /** Keeps the token when it outlives the one held; false when another call kept a later one first. */
    boolean keepToken(String installationId, Sealed token, Instant expiresAt) {
        return jdbc.sql("""
                update forge_installation set system_token_key_id = ?, system_token_ciphertext = ?,
                system_token_expires_at = ?, version = version + 1
                where installation_id = ? and state = 'INSTALLED'
                and (system_token_expires_at is null or system_token_expires_at < ?)""")
                .params(token.keyId(), token.ciphertext(), Timestamp.from(expiresAt), installationId,
                        Timestamp.from(expiresAt))
                .update() == 1;
    }

    void upgraded(String installationId, Instant now) {
        jdbc.sql("update forge_installation set upgraded_at = ?, version = version + 1 where installation_id = ?")
                .params(Timestamp.from(now), installationId).update();
    }

    /** Uninstalled installations keep their row (their calls are refused by it) but never a token. */
    boolean uninstalled(String installationId, Instant now) {
        return jdbc.sql("""
                update forge_installation set state = 'UNINSTALLED', uninstalled_at = ?, system_token_key_id = null,
                system_token_ciphertext = null, system_token_expires_at = null, version = version + 1
                where installation_id = ? and state = 'INSTALLED'""")
                .params(Timestamp.from(now), installationId).update() == 1;
    }

    /** The installations of a site that are still live, for retiring them with the site. */
    List<String> liveIdsOfSite(String siteKey) {
        return jdbc.sql("select installation_id from forge_installation where site_key = ? and state = 'INSTALLED'")
                .param(siteKey).query(String.class).list();
    }

    /** Tokens are kept only while they are valid. */
    int dropExpiredTokens(Instant now) {
        return jdbc.sql("""
                update forge_installation set system_token_key_id = null, system_token_ciphertext = null,
                system_token_expires_at = null, version = version + 1 where system_token_expires_at <= ?""")
                .param(Timestamp.from(now)).update();
    }

    private static ForgeInstallation row(ResultSet rs, int row) throws SQLException {
        Timestamp expires = rs.getTimestamp("system_token_expires_at");
        String keyId = rs.getString("system_token_key_id");
        return new ForgeInstallation(rs.getString("installation_id"), rs.getLong("version"), rs.getString("app_id"),
                rs.getString("environment_id"), rs.getString("cloud_id"), rs.getString("site_url"),
                URI.create(rs.getString("api_base_url")), rs.getString("site_key"),
                ForgeInstallation.State.valueOf(rs.getString("state")),
                keyId == null ? null : new Sealed(keyId, rs.getString("system_token_ciphertext")),
                expires == null ? null : expires.toInstant());
    }
}
