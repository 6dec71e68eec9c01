package dev.ferry.simulator.install;

import java.util.UUID;

/**
 * Who a simulated site is: the values Jira puts in every lifecycle body.
 *
 * @param baseUrl the simulator's own URL, so the app's REST calls come back to it
 */
public record SiteIdentity(String clientKey, String cloudId, String installationId, String oauthClientId,
        String baseUrl, String displayUrl, String description) {

    /** A new site at the given URL with fresh ids; the installation id is a Forge installation ARI. */
    public static SiteIdentity fresh(String baseUrl) {
        String cloudId = UUID.randomUUID().toString();
        return new SiteIdentity("jira:" + UUID.randomUUID(), cloudId,
                "ari:cloud:ecosystem::installation/" + UUID.randomUUID(), "oauth-" + UUID.randomUUID(),
                baseUrl, baseUrl, "Simulated Jira Cloud site");
    }
}
