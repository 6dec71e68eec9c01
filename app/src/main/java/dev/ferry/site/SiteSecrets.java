package dev.ferry.site;

import dev.ferry.connect.ConnectTenant;
import dev.ferry.connect.ConnectTenants;
import dev.ferry.crypto.Sealed;
import dev.ferry.crypto.SecretCipher;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seals sites' shared secrets, each bound to its own site row, and looks sites up for the Connect gate.
 * The gate asks on every Jira request, so answers are kept for {@code ferry.connect.tenant-cache-ttl};
 * this node forgets a site the moment its lifecycle changes it.
 */
@Component
class SiteSecrets implements ConnectTenants {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final TenantCache cache;

    SiteSecrets(JdbcClient jdbc, SecretCipher cipher, TenantCache cache) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.cache = cache;
    }

    Sealed seal(String clientKey, String sharedSecret) {
        return cipher.seal(sharedSecret, context(clientKey));
    }

    @Override
    public Optional<ConnectTenant> find(String clientKey) {
        return cache.get(clientKey, this::load);
    }

    /** Forgets what is kept of a site, after its record changed. */
    void forget(String clientKey) {
        cache.forget(clientKey);
    }

    private Optional<ConnectTenant> load(String clientKey) {
        return jdbc.sql("""
                select state, shared_secret_key_id, shared_secret_ciphertext, base_url from site where client_key = ?""")
                .param(clientKey)
                .query((rs, row) -> new ConnectTenant(clientKey, open(clientKey, rs.getString(2), rs.getString(3)),
                        !SiteState.UNINSTALLED.name().equals(rs.getString(1)), rs.getString(4)))
                .optional();
    }

    /** A site Ferry knows through Forge alone has no shared secret: null, which no Connect token verifies against. */
    private String open(String clientKey, String keyId, String ciphertext) {
        return keyId == null || ciphertext == null ? null : cipher.open(new Sealed(keyId, ciphertext), context(clientKey));
    }

    private static String context(String clientKey) {
        return "site.shared_secret:" + clientKey;
    }
}
