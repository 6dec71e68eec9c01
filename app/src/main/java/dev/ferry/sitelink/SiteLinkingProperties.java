package dev.ferry.sitelink;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an organization links a Jira site.
 *
 * @param codeLifetime         how long a one-time code shown on the configure page can be typed into Ferry
 * @param requestLifetime      how long a link request stays open (waiting for the install or a confirmation)
 * @param pageTokenLifetime    lifetime of the context token the configure page carries for its Confirm button
 * @param forgeInstallLink     the app's Forge installation link, shown to admins of sites without Ferry (empty:
 *                             only the descriptor URL is offered, which installs on development sites only)
 * @param maxOpenRequests      open link requests one organization may have at once; a further one is refused (409)
 */
@ConfigurationProperties("ferry.site-linking")
public record SiteLinkingProperties(
        @DefaultValue("30m") Duration codeLifetime,
        @DefaultValue("7d") Duration requestLifetime,
        @DefaultValue("10m") Duration pageTokenLifetime,
        @DefaultValue("") String forgeInstallLink,
        @DefaultValue("20") int maxOpenRequests) {

    public String forgeInstallLinkOrNull() {
        return forgeInstallLink == null || forgeInstallLink.isBlank() ? null : forgeInstallLink;
    }
}
