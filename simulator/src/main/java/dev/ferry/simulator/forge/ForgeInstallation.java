package dev.ferry.simulator.forge;

import java.util.List;

/**
 * One Forge installation of the app on the site: its ids, what its manifest says, where Ferry is, and the bot user
 * its system token acts as. Immutable: an upgrade or uninstall makes a new one.
 *
 * @param connectClientKey the clientKey of the Connect install this one migrated from; null for a fresh Forge install
 */
record ForgeInstallation(String appId, String installationId, String environmentId, String appVersion, String cloudId,
        String siteUrl, String apiBaseUrl, ForgeManifest manifest, String botAccountId, String connectClientKey,
        boolean installed) {

    ForgeInstallation upgraded(ForgeManifest upgrade) {
        return new ForgeInstallation(appId, installationId, environmentId, nextVersion(), cloudId, siteUrl, apiBaseUrl,
                upgrade, botAccountId, connectClientKey, true);
    }

    ForgeInstallation uninstalled() {
        return new ForgeInstallation(appId, installationId, environmentId, appVersion, cloudId, siteUrl, apiBaseUrl,
                manifest, botAccountId, connectClientKey, false);
    }

    List<String> scopes() {
        return manifest.scopes();
    }

    private String nextVersion() {
        String[] parts = appVersion.split("\\.");
        return (Integer.parseInt(parts[0]) + 1) + ".0.0";
    }
}
