package dev.ferry.site;

import dev.ferry.crypto.SecretCipher;
import java.time.Instant;
import org.springframework.boot.test.context.TestComponent;

/** Puts sites straight into the database, for tests about what happens after an install. */
@TestComponent
public class TestSites {

    private final SiteRepository sites;
    private final SiteSecrets secrets;

    TestSites(SiteRepository sites, SiteSecrets secrets) {
        this.sites = sites;
        this.secrets = secrets;
    }

    public Site install(String clientKey, String sharedSecret) {
        return install(clientKey, sharedSecret, null);
    }

    /** An install whose site lives at {@code baseUrl} (a simulated Jira that Ferry then calls). */
    public Site installAt(String clientKey, String sharedSecret, String baseUrl) {
        var installation = new Installation(baseUrl, null, null, "jira", null, "cloud-1", null, null, null, null, null,
                null, null);
        Site site = sites.save(Site.install(clientKey, installation, secrets.seal(clientKey, sharedSecret), null,
                Instant.now()));
        secrets.forget(clientKey);
        return site;
    }

    /** A site restored from another's backup: installed with the address (clientKey) of {@code earlier}. */
    public Site install(String clientKey, String sharedSecret, String earlier) {
        var installation = new Installation("https://" + clientKey.replaceAll("[^a-z0-9]", "") + ".atlassian.net",
                null, null, "jira", null, "cloud-1", null, null, null, null, null, null, null);
        Site site = sites.save(Site.install(clientKey, installation, secrets.seal(clientKey, sharedSecret), earlier,
                Instant.now()));
        secrets.forget(clientKey);
        return site;
    }

    public void uninstall(String clientKey) {
        Site site = sites.findById(clientKey).orElseThrow();
        site.uninstall(Instant.now());
        sites.save(site);
        secrets.forget(clientKey);
    }
}
