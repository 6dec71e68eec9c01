package dev.ferry.site;

import dev.ferry.crypto.Sealed;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/** A Jira (or Confluence) site that installed Ferry, identified for life by its clientKey. */
@Table("site")
public class Site {

    @Id
    private final String clientKey;
    @Version
    private Long version;
    @Embedded.Empty
    private Installation installation;
    @Embedded.Empty(prefix = "shared_secret_")
    private Sealed sharedSecret;
    private SiteState state;
    private String importOfClientKey;
    private final Instant installedAt;
    private Instant lastInstalledAt;
    private Instant updatedAt;
    private Instant uninstalledAt;

    @PersistenceCreator
    Site(String clientKey, Long version, Installation installation, Sealed sharedSecret, SiteState state,
            String importOfClientKey, Instant installedAt, Instant lastInstalledAt, Instant updatedAt, Instant uninstalledAt) {
        this.clientKey = clientKey;
        this.version = version;
        this.installation = installation;
        this.sharedSecret = sharedSecret;
        this.state = state;
        this.importOfClientKey = importOfClientKey;
        this.installedAt = installedAt;
        this.lastInstalledAt = lastInstalledAt;
        this.updatedAt = updatedAt;
        this.uninstalledAt = uninstalledAt;
    }

    static Site install(String clientKey, Installation installation, Sealed secret, String importOf, Instant now) {
        return new Site(clientKey, null, installation, secret, SiteState.INSTALLED, importOf, now, now, now, null);
    }

    /** A site Ferry learns of through a Forge installation alone: it has no Connect shared secret. */
    static Site installThroughForge(String clientKey, Installation installation, Instant now) {
        return new Site(clientKey, null, installation, null, SiteState.INSTALLED, null, now, now, now, null);
    }

    /**
     * A Forge installation serves this site. One that comes back after an uninstall comes back through Forge only:
     * the Connect install went with the uninstall, so its old shared secret is dropped (a Connect re-install sends
     * a new one).
     */
    void installThroughForge(String installationId, String cloudId, Instant now) {
        if (state == SiteState.UNINSTALLED) {
            sharedSecret = null;
            state = SiteState.INSTALLED;
            uninstalledAt = null;
            lastInstalledAt = now;
        }
        installation = installation.servedByForge(installationId, cloudId);
        updatedAt = now;
    }

    /** Whether a Connect install of the site is live: Jira signs its calls with the shared secret it sent. */
    boolean hasConnectInstall() {
        return isInstalled() && sharedSecret != null && sharedSecret.keyId() != null;
    }

    /** A later {@code installed}: upgrade, rename or rotation; the new secret replaces the old one. */
    void reinstall(Installation newInstallation, Sealed newSecret, Instant now) {
        installation = newInstallation;
        sharedSecret = newSecret;
        state = SiteState.INSTALLED;
        uninstalledAt = null;
        lastInstalledAt = now;
        updatedAt = now;
    }

    void enable(Instant now) {
        state = SiteState.ENABLED;
        updatedAt = now;
    }

    void disable(Instant now) {
        state = SiteState.DISABLED;
        updatedAt = now;
    }

    /** The record stays, so links and history keep their site; its tokens are refused from now on. */
    void uninstall(Instant now) {
        state = SiteState.UNINSTALLED;
        uninstalledAt = now;
        updatedAt = now;
    }

    public boolean isInstalled() {
        return state != SiteState.UNINSTALLED;
    }

    public String clientKey() {
        return clientKey;
    }

    public Installation installation() {
        return installation;
    }

    public SiteState state() {
        return state;
    }

    /** The clientKey of the site this one was imported from (same base URL, new clientKey), if any. */
    public String importOfClientKey() {
        return importOfClientKey;
    }

    public Instant installedAt() {
        return installedAt;
    }

    /** The last {@code installed} callback: the first install, an upgrade, a rotation or a re-install. */
    public Instant lastInstalledAt() {
        return lastInstalledAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant uninstalledAt() {
        return uninstalledAt;
    }

    @Override
    public String toString() {
        return "Site[" + clientKey + ", " + state + "]";
    }
}
