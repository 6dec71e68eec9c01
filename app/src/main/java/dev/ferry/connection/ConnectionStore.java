package dev.ferry.connection;

import dev.ferry.crypto.Sealed;
import dev.ferry.crypto.SecretCipher;
import dev.ferry.persistence.Columns;
import dev.ferry.refusal.Refusal;
import java.net.URI;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code jira_connection} table. Tokens are sealed, each bound to its row and column, so a ciphertext
 * copied to another connection does not open; they leave this class only to make a call. Public for the oauth
 * room, which stores the connections an approval makes.
 */
@Component
public class ConnectionStore {

    private static final String COLUMNS = """
            id, version, organization_id, kind, site_url, cloud_id, route, email, token_expires_on, confluence_url,
            confluence_email, confluence_token_ciphertext, oauth_grant_id, default_project, account_id, account_name,
            created_at, created_by, updated_at""";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    ConnectionStore(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A new connection; the tokens are sealed on the way in (the Confluence one may be null: the Jira one serves). */
    public void insert(TokenConnection c, String token, String confluenceToken) {
        jdbc.sql("""
                insert into jira_connection (id, version, organization_id, kind, site_url, cloud_id, route, email,
                    token_expires_on, confluence_url, confluence_email, oauth_grant_id, default_project, account_id,
                    account_name, created_at, created_by, updated_at)
                values (:id, 0, :organizationId, :kind, :siteUrl, :cloudId, :route, :email, :expiresOn, :confluenceUrl,
                    :confluenceEmail, :grant, :defaultProject, :accountId, :accountName, :now, :createdBy, :now)""")
                .param("id", c.id()).param("organizationId", c.organizationId()).param("kind", c.kind().name())
                .param("siteUrl", c.siteUrl().toString()).param("cloudId", c.cloudId()).param("route", c.route().name())
                .param("email", c.email()).param("expiresOn", date(c.tokenExpiresOn()))
                .param("confluenceUrl", c.confluenceUrl() == null ? null : c.confluenceUrl().toString())
                .param("confluenceEmail", c.confluenceEmail()).param("grant", c.oauthGrantId())
                .param("defaultProject", c.defaultProject()).param("accountId", c.accountId())
                .param("accountName", c.accountName()).param("now", Timestamp.from(c.createdAt()))
                .param("createdBy", c.createdBy()).update();
        if (token != null) {
            replaceToken(c.id(), token);
        }
        if (confluenceToken != null) {
            replaceConfluenceToken(c.id(), confluenceToken);
        }
    }

    public Optional<TokenConnection> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from jira_connection where id = ?").param(id)
                .query((rs, row) -> read(rs)).optional();
    }

    /** The organization's connection; another organization's is answered as unknown, revealing nothing. */
    public TokenConnection of(String organizationId, String id) {
        return find(id).filter(c -> c.organizationId().equals(organizationId))
                .orElseThrow(() -> Refusal.notFound("no connection " + id + " in this organization"));
    }

    public List<TokenConnection> listOf(String organizationId) {
        return jdbc.sql("select " + COLUMNS + " from jira_connection where organization_id = ? order by created_at, id")
                .param(organizationId).query((rs, row) -> read(rs)).list();
    }

    public List<TokenConnection> ofGrant(String grantId) {
        return jdbc.sql("select " + COLUMNS + " from jira_connection where oauth_grant_id = ? order by created_at, id")
                .param(grantId).query((rs, row) -> read(rs)).list();
    }

    /** Writes every column but the secrets, if nobody changed the row since {@code c.version()}; false if someone did. */
    boolean update(TokenConnection c, Instant now) {
        return jdbc.sql("""
                update jira_connection set version = version + 1, site_url = :siteUrl, cloud_id = :cloudId, route = :route,
                    email = :email, token_expires_on = :expiresOn, confluence_url = :confluenceUrl,
                    confluence_email = :confluenceEmail, oauth_grant_id = :grant, default_project = :defaultProject,
                    account_id = :accountId, account_name = :accountName, updated_at = :now
                where id = :id and version = :version""")
                .param("id", c.id()).param("version", c.version()).param("siteUrl", c.siteUrl().toString())
                .param("cloudId", c.cloudId()).param("route", c.route().name()).param("email", c.email())
                .param("expiresOn", date(c.tokenExpiresOn()))
                .param("confluenceUrl", c.confluenceUrl() == null ? null : c.confluenceUrl().toString())
                .param("confluenceEmail", c.confluenceEmail()).param("grant", c.oauthGrantId())
                .param("defaultProject", c.defaultProject()).param("accountId", c.accountId())
                .param("accountName", c.accountName()).param("now", Timestamp.from(now)).update() == 1;
    }

    void replaceToken(String id, String token) {
        Sealed sealed = cipher.seal(token, context("token", id));
        jdbc.sql("update jira_connection set token_key_id = ?, token_ciphertext = ? where id = ?")
                .params(sealed.keyId(), sealed.ciphertext(), id).update();
    }

    /** Null forgets Confluence's own token: the Jira one serves Confluence again. */
    void replaceConfluenceToken(String id, String token) {
        Sealed sealed = token == null ? new Sealed(null, null) : cipher.seal(token, context("confluence_token", id));
        jdbc.sql("update jira_connection set confluence_token_key_id = ?, confluence_token_ciphertext = ? where id = ?")
                .params(sealed.keyId(), sealed.ciphertext(), id).update();
    }

    /** The API token, opened to make a call. */
    Optional<String> token(String id) {
        return open(id, "token");
    }

    /** Confluence's own token, when it has one. */
    Optional<String> confluenceToken(String id) {
        return open(id, "confluence_token");
    }

    void delete(String id) {
        jdbc.sql("delete from jira_connection where id = ?").param(id).update();
    }

    private Optional<String> open(String id, String column) {
        return jdbc.sql("select " + column + "_key_id, " + column + "_ciphertext from jira_connection where id = ?")
                .param(id).query((rs, row) -> rs.getString(1) == null ? null
                        : cipher.open(new Sealed(rs.getString(1), rs.getString(2)), context(column, id)))
                .optional();
    }

    private static String context(String column, String id) {
        return "jira_connection." + column + ":" + id;
    }

    private static TokenConnection read(ResultSet rs) throws SQLException {
        return new TokenConnection(rs.getString("id"), rs.getLong("version"), rs.getString("organization_id"),
                ConnectionKind.valueOf(rs.getString("kind")), URI.create(rs.getString("site_url")),
                rs.getString("cloud_id"), ApiRoute.valueOf(rs.getString("route")), rs.getString("email"),
                localDate(rs.getDate("token_expires_on")), uri(rs.getString("confluence_url")),
                rs.getString("confluence_email"), rs.getString("confluence_token_ciphertext") != null,
                rs.getString("oauth_grant_id"), rs.getString("default_project"), rs.getString("account_id"),
                rs.getString("account_name"), Columns.instant(rs, "created_at"), rs.getString("created_by"),
                Columns.instant(rs, "updated_at"));
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static URI uri(String value) {
        return value == null ? null : URI.create(value);
    }
}
