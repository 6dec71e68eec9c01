package dev.ferry.forge;

import dev.ferry.crypto.Sealed;
import java.net.URI;
import java.time.Instant;

/**
 * A Forge installation of Ferry as stored: which site it serves and where its calls go, and the app system token
 * Forge last handed over, sealed (null when none valid is held).
 *
 * @param installationId the Forge installation id without its ARI prefix
 * @param siteKey        the Ferry site it serves ({@code site.client_key})
 */
record ForgeInstallation(String installationId, long version, String appId, String environmentId, String cloudId,
        String siteUrl, URI apiBaseUrl, String siteKey, State state, Sealed systemToken, Instant tokenExpiresAt) {

    enum State {
        INSTALLED, UNINSTALLED
    }

    static final String INSTALLATION_ARI = "ari:cloud:ecosystem::installation/";

    /** Forge names an installation by its ARI in tokens and by the bare uuid in lifecycle events: one id. */
    static String uuid(String installationId) {
        String id = installationId.strip();
        return id.startsWith(INSTALLATION_ARI) ? id.substring(INSTALLATION_ARI.length()) : id;
    }

    boolean live() {
        return state == State.INSTALLED;
    }

    /** What the token is sealed to: a ciphertext copied onto another installation's row does not open. */
    static String tokenContext(String installationId) {
        return "forge_installation.system_token:" + installationId;
    }

    @Override
    public String toString() {
        return "ForgeInstallation[" + installationId + ", site " + siteKey + ", " + state + "]";
    }
}
