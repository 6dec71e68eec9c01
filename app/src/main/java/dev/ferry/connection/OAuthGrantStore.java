package dev.ferry.connection;

import dev.ferry.crypto.Sealed;
import dev.ferry.crypto.SecretCipher;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code oauth_grant} table: an account's tokens, sealed, each bound to its grant and column. */
@Component
class OAuthGrantStore {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    OAuthGrantStore(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The grant's current access token, opened to make a call; empty when there is no such grant. */
    Optional<String> accessToken(String grantId) {
        return jdbc.sql("select access_key_id, access_ciphertext from oauth_grant where id = ?").param(grantId)
                .query((rs, row) -> cipher.open(new Sealed(rs.getString(1), rs.getString(2)), context("access", grantId)))
                .optional();
    }

    /** Why the grant needs a reconnect (Atlassian refused its refresh token or it was revoked); empty while it works. */
    Optional<String> brokenReason(String grantId) {
        return jdbc.sql("select broken_reason from oauth_grant where id = ? and broken_at is not null").param(grantId)
                .query(String.class).optional();
    }

    static String context(String column, String grantId) {
        return "oauth_grant." + column + ":" + grantId;
    }
}
