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
}
