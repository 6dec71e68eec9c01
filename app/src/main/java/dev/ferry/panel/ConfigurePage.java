package dev.ferry.panel;

/**
 * What the configure page shows about the site it is opened on.
 *
 * @param allJsUrl Atlassian's iframe script, or null to leave it out
 */
record ConfigurePage(String siteUrl, String clientKey, String state, String installedAt, String updatedAt,
        boolean importedSite, String importOf, String allJsUrl) {
}
