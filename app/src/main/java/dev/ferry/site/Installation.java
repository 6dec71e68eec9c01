package dev.ferry.site;

/**
 * What an {@code installed} callback says about a site; all of it is overwritten on every install,
 * because Jira sends it again on upgrades, renames and secret rotations.
 */
public record Installation(
        String baseUrl,
        String displayUrl,
        String displayUrlServicedeskHelpCenter,
        String productType,
        String description,
        String cloudId,
        String installationId,
        String oauthClientId,
        String serviceEntitlementNumber,
        String entitlementId,
        String entitlementNumber,
        String serverVersion,
        String pluginsVersion) {

    /** The URL people know the site by: the display URL when the site has a custom domain. */
    public String publicUrl() {
        return displayUrl != null && !displayUrl.isBlank() ? displayUrl : baseUrl;
    }

    /**
     * The same install as a Forge installation serves it: its installation id and cloudId are filled in where the
     * Connect install left them empty, and kept where it gave them.
     */
    Installation servedByForge(String forgeInstallationId, String forgeCloudId) {
        return new Installation(baseUrl, displayUrl, displayUrlServicedeskHelpCenter, productType, description,
                cloudId == null || cloudId.isBlank() ? forgeCloudId : cloudId,
                installationId == null || installationId.isBlank() ? forgeInstallationId : installationId,
                oauthClientId, serviceEntitlementNumber, entitlementId, entitlementNumber, serverVersion, pluginsVersion);
    }
}
