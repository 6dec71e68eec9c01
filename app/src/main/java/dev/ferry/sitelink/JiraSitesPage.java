package dev.ferry.sitelink;

import dev.ferry.console.Shown;
import java.util.List;

/**
 * The admin page of an organization's Jira sites: the form to connect one, open requests with what to do
 * next, and a card per linked site.
 *
 * @param canManage   Admins and Managers see forms; Members see the same page read-only
 * @param entered     what was typed into the form when it was refused, to show it again
 * @param error       why the last form was refused, or null
 * @param waiting     some request is open, so the page looks for changes by itself
 * @param fingerprint what the page shows, in short; polling reloads the page when it changes
 */
record JiraSitesPage(boolean canManage, String entered, String error, List<RequestRow> requests, List<SiteCard> sites,
        boolean waiting, String fingerprint) {

    /** A refusal of a service ("no destination d1") reads as a sentence on the page. */
    JiraSitesPage {
        error = Shown.sentence(error);
    }

    boolean nothingYet() {
        return sites.isEmpty() && requests.isEmpty();
    }

    /**
     * An open request and what to do next, or one a Jira administrator declined.
     *
     * @param state            the request's state ({@code AWAITING_INSTALL}, {@code PENDING} or {@code DECLINED})
     * @param configurePageUrl Ferry's configure page inside Jira, where a Jira administrator confirms
     * @param declinedAt       when a Jira administrator declined it, or null
     */
    record RequestRow(long id, String site, String siteUrl, String state, boolean awaitingInstall, boolean declined,
            String requestedAt, String requestedBy, String expiresAt, String descriptorUrl, String forgeInstallLink,
            String configurePageUrl, String declinedAt) {

        boolean pending() {
            return !awaitingInstall && !declined;
        }
    }

    /** A linked site. */
    record SiteCard(String clientKey, String siteUrl, String state, boolean uninstalled, String installedAt,
            String lastInstalledAt, String lastWebhookAt, String linkedAt, String linkedBy, boolean credentialsRejected,
            String credentialsMessage, String credentialsRejectedAt) {
    }
}
