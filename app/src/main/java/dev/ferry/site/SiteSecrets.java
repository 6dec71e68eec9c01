package dev.ferry.site;

import dev.ferry.connect.ConnectTenant;
import dev.ferry.connect.ConnectTenants;
import dev.ferry.crypto.Sealed;
import dev.ferry.crypto.SecretCipher;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Seals and opens sites' shared secrets, each bound to its own site row. */
@Component
class SiteSecrets implements ConnectTenants {

    private final SiteRepository sites;
    private final SecretCipher cipher;

    SiteSecrets(SiteRepository sites, SecretCipher cipher) {
        this.sites = sites;
        this.cipher = cipher;
    }

    Sealed seal(String clientKey, String sharedSecret) {
        return cipher.seal(sharedSecret, context(clientKey));
    }

    @Override
    public Optional<ConnectTenant> find(String clientKey) {
        return sites.findById(clientKey).map(site -> new ConnectTenant(site.clientKey(),
                cipher.open(site.sharedSecret(), context(clientKey)), site.isInstalled()));
    }

    private static String context(String clientKey) {
        return "site.shared_secret:" + clientKey;
    }
}
