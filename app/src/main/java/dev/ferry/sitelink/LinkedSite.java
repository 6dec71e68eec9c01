package dev.ferry.sitelink;

import java.time.Instant;

/**
 * A site linked to an organization as the API shows it: where it is, its install state and whether Jira
 * still accepts the app's credentials.
 *
 * @param state           install state, lower case: {@code installed}, {@code enabled}, {@code disabled},
 *                        {@code uninstalled}; {@code connected} for an API-token or OAuth connection
 * @param lastInstalledAt when Jira last sent {@code installed} (install, upgrade, secret rotation)
 * @param lastWebhookAt   when the site last sent a webhook, to within a second; null when it never has
 * @param kind            how Ferry reaches it: {@code app_install}, {@code api_token} or {@code oauth}
 */
public record LinkedSite(String clientKey, String baseUrl, String displayUrl, String state, Instant installedAt,
        Instant lastInstalledAt, Instant updatedAt, Instant uninstalledAt, Instant lastWebhookAt, Instant linkedAt,
        String linkedBy, Credentials credentials, String kind) {

    /** Reached through the app install (not an API token or OAuth connection). */
    public boolean installed() {
        return "app_install".equals(kind);
    }

    /**
     * @param state   {@code ok}, or {@code rejected} while Jira refuses the credentials and the site has not
     *                been installed again since
     * @param message what Jira said when it refused them
     */
    public record Credentials(String state, String message, Instant rejectedAt) {

        /** The flag is cleared by the next {@code installed}, so a flag that is set still holds. */
        static Credentials of(Instant rejectedAt, String message) {
            return rejectedAt != null ? new Credentials("rejected", message, rejectedAt) : new Credentials("ok", null, null);
        }
    }
}
