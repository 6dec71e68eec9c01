package dev.ferry.panel;

import java.util.List;

/**
 * What the configure page shows about the site it is opened on, and the organizations asking to link it.
 *
 * @param siteId        the site's ID (cloudId) as Atlassian shows it, or null when Jira did not send it
 * @param state         the install state in words
 * @param stateTone     the state's colour: {@code success} only for a site that works
 * @param importedFrom  the earlier site (its URL) whose address this one was installed with, or null
 * @param allJsUrl      Atlassian's iframe script, or null to leave it out
 * @param notice        what the last action did ("This site is now linked to Acme."), or null
 * @param error         why the last action was refused, or null
 * @param requests      pending link requests, shown to a Jira administrator only
 * @param notAdmin      requests are pending but the viewer is no Jira administrator
 * @param checkFailed   requests are pending but Jira did not say whether the viewer administers the site
 * @param sameNameWarning names two or more requesting organizations share, as a warning, or null
 */
record ConfigurePage(String siteUrl, String siteId, String state, String stateTone, String installedAt,
        String updatedAt, String importedFrom, String allJsUrl, String notice, String error,
        List<PendingRequest> requests, boolean notAdmin, boolean checkFailed, String sameNameWarning) {

    boolean hasRequests() {
        return !requests.isEmpty();
    }

    /**
     * One organization asking to link this site.
     *
     * @param requestedBy the person (email address) or API key (its name) that asked
     * @param confirmUrl  where the Confirm button posts, carrying a context token for this site and viewer
     * @param declineUrl  where the Decline button posts, with the same token
     * @param nameShared  another requesting organization has the same name
     */
    record PendingRequest(String organizationName, String requestedBy, String requestedAt, String code,
            String codeExpiresAt, String confirmUrl, String declineUrl, boolean nameShared) {
    }
}
