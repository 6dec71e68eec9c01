package dev.ferry.oauth;

import dev.ferry.crypto.Sealed;
import dev.ferry.crypto.SecretCipher;
import dev.ferry.persistence.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code oauth_grant} table: an account's tokens, sealed, each bound to its grant and column. Refresh tokens
 * rotate, so every write of new tokens names the generation it replaces: of two nodes, only one's write counts.
 */
@Component
class OAuthGrantStore {

    private static final String COLUMNS = """
            id, organization_id, account_id, scopes, access_expires_at, generation, refresh_lease_until, broken_at,
            broken_reason, picked, created_by, created_at, refresh_ciphertext""";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    OAuthGrantStore(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A stored grant, without its tokens. */
    record Grant(String id, String organizationId, String accountId, String scopes, Instant accessExpiresAt,
            long generation, Instant leaseUntil, Instant brokenAt, String brokenReason, boolean picked, String createdBy,
            Instant createdAt, boolean refreshable) {
    }

    /** A new grant nobody has picked sites for yet; its tokens sealed to its id. */
    void insert(String id, String organizationId, String createdBy, OAuthTokens tokens, Instant now) {
        Sealed access = cipher.seal(tokens.accessToken(), context("access", id));
        Sealed refresh = sealRefresh(id, tokens);
        jdbc.sql("""
                insert into oauth_grant (id, organization_id, scopes, access_key_id, access_ciphertext, access_expires_at,
                    refresh_key_id, refresh_ciphertext, generation, picked, created_by, created_at, refreshed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0, false, ?, ?, ?)""")
                .params(id, organizationId, tokens.scope(), access.keyId(), access.ciphertext(),
                        Timestamp.from(now.plusSeconds(tokens.expiresIn())), refresh.keyId(), refresh.ciphertext(),
                        createdBy, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    Optional<Grant> find(String grantId) {
        return jdbc.sql("select " + COLUMNS + " from oauth_grant where id = ?").param(grantId)
                .query((rs, row) -> read(rs)).optional();
    }

    /** The grant's current access token, opened to make a call; empty when there is no such grant. */
    Optional<String> accessToken(String grantId) {
        return jdbc.sql("select access_key_id, access_ciphertext from oauth_grant where id = ?").param(grantId)
                .query((rs, row) -> cipher.open(new Sealed(rs.getString(1), rs.getString(2)), context("access", grantId)))
                .optional();
    }

    /** The refresh token to spend, once this node holds the lease. */
    Optional<String> refreshToken(String grantId) {
        return jdbc.sql("select refresh_key_id, refresh_ciphertext from oauth_grant where id = ? and refresh_ciphertext is not null")
                .param(grantId)
                .query((rs, row) -> cipher.open(new Sealed(rs.getString(1), rs.getString(2)), context("refresh", grantId)))
                .optional();
    }

    /** Why the grant needs a reconnect (Atlassian refused its refresh token or it was revoked); empty while it works. */
    Optional<String> brokenReason(String grantId) {
        return jdbc.sql("select broken_reason from oauth_grant where id = ? and broken_at is not null").param(grantId)
                .query(String.class).optional();
    }

    /**
     * Takes the right to spend the refresh token of this generation until {@code until}; false when another node
     * holds it or has rotated the tokens already. Only the node whose update counted may call Atlassian.
     */
    boolean lease(String grantId, long generation, Instant until, Instant now) {
        return jdbc.sql("""
                update oauth_grant set refresh_lease_until = ?
                where id = ? and generation = ? and broken_at is null
                    and (refresh_lease_until is null or refresh_lease_until < ?)""")
                .params(Timestamp.from(until), grantId, generation, Timestamp.from(now)).update() == 1;
    }

    /** Gives a lease back after a refresh that failed for now (Atlassian unreachable): the next try may go. */
    void release(String grantId, long generation) {
        jdbc.sql("update oauth_grant set refresh_lease_until = null where id = ? and generation = ?")
                .params(grantId, generation).update();
    }

    /**
     * Stores the rotated tokens as the next generation, if {@code generation} is still the current one. Without a
     * new refresh token in the answer (a grant without offline_access) the stored one stays.
     */
    boolean rotate(String grantId, long generation, OAuthTokens tokens, Instant now) {
        Sealed access = cipher.seal(tokens.accessToken(), context("access", grantId));
        Timestamp expires = Timestamp.from(now.plusSeconds(tokens.expiresIn()));
        if (tokens.refreshToken() == null) {
            return jdbc.sql("""
                    update oauth_grant set access_key_id = ?, access_ciphertext = ?, access_expires_at = ?,
                        generation = generation + 1, refresh_lease_until = null, refreshed_at = ?
                    where id = ? and generation = ?""")
                    .params(access.keyId(), access.ciphertext(), expires, Timestamp.from(now), grantId, generation)
                    .update() == 1;
        }
        Sealed refresh = sealRefresh(grantId, tokens);
        return jdbc.sql("""
                update oauth_grant set access_key_id = ?, access_ciphertext = ?, access_expires_at = ?,
                    refresh_key_id = ?, refresh_ciphertext = ?, generation = generation + 1, refresh_lease_until = null,
                    refreshed_at = ?
                where id = ? and generation = ?""")
                .params(access.keyId(), access.ciphertext(), expires, refresh.keyId(), refresh.ciphertext(),
                        Timestamp.from(now), grantId, generation)
                .update() == 1;
    }

    /** A reconnect's fresh tokens replace the grant's, whatever its generation, and it works again. */
    void renew(String grantId, OAuthTokens tokens, Instant now) {
        Sealed access = cipher.seal(tokens.accessToken(), context("access", grantId));
        Sealed refresh = sealRefresh(grantId, tokens);
        jdbc.sql("""
                update oauth_grant set access_key_id = ?, access_ciphertext = ?, access_expires_at = ?,
                    refresh_key_id = ?, refresh_ciphertext = ?, scopes = ?, generation = generation + 1,
                    refresh_lease_until = null, broken_at = null, broken_reason = null, refreshed_at = ?
                where id = ?""")
                .params(access.keyId(), access.ciphertext(), Timestamp.from(now.plusSeconds(tokens.expiresIn())),
                        refresh.keyId(), refresh.ciphertext(), tokens.scope(), Timestamp.from(now), grantId)
                .update();
    }

    /** Atlassian refused the grant for good; true for the call that marked it (so it is reported once). */
    boolean markBroken(String grantId, String reason, Instant now) {
        String shortened = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        return jdbc.sql("update oauth_grant set broken_at = ?, broken_reason = ?, refresh_lease_until = null"
                        + " where id = ? and broken_at is null")
                .params(Timestamp.from(now), shortened, grantId).update() == 1;
    }

    void markPicked(String grantId, String accountId) {
        jdbc.sql("update oauth_grant set picked = true, account_id = ? where id = ?")
                .params(accountId, grantId).update();
    }

    /** Grants that work, can be refreshed, and whose access token expires before {@code before}. */
    List<String> due(Instant before) {
        return jdbc.sql("""
                select id from oauth_grant where access_expires_at < ? and broken_at is null
                    and refresh_ciphertext is not null order by access_expires_at""")
                .param(Timestamp.from(before)).query(String.class).list();
    }

    /** Removes grants nobody picked a site for since {@code before}; answers how many. */
    int deleteUnpickedBefore(Instant before) {
        return jdbc.sql("delete from oauth_grant where picked = false and created_at < ?")
                .param(Timestamp.from(before)).update();
    }

    void delete(String grantId) {
        jdbc.sql("delete from oauth_grant where id = ?").param(grantId).update();
    }

    static String context(String column, String grantId) {
        return "oauth_grant." + column + ":" + grantId;
    }

    private Sealed sealRefresh(String grantId, OAuthTokens tokens) {
        return tokens.refreshToken() == null ? new Sealed(null, null)
                : cipher.seal(tokens.refreshToken(), context("refresh", grantId));
    }

    private static Grant read(ResultSet rs) throws SQLException {
        return new Grant(rs.getString("id"), rs.getString("organization_id"), rs.getString("account_id"),
                rs.getString("scopes"), Columns.instant(rs, "access_expires_at"), rs.getLong("generation"),
                Columns.instant(rs, "refresh_lease_until"), Columns.instant(rs, "broken_at"), rs.getString("broken_reason"),
                rs.getBoolean("picked"), rs.getString("created_by"), Columns.instant(rs, "created_at"),
                rs.getString("refresh_ciphertext") != null);
    }
}
