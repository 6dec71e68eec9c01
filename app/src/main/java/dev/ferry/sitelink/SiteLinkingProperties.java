package dev.ferry.sitelink;

import dev.ferry.setting.HttpUrl;
import dev.ferry.setting.PositiveDuration;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("ferry.site-linking")
public record SiteLinkingProperties(
        @DefaultValue("30m") @PositiveDuration Duration codeLifetime,
        @DefaultValue("7d") @PositiveDuration Duration requestLifetime,
        @DefaultValue("10m") @PositiveDuration Duration pageTokenLifetime,
        @DefaultValue("") @HttpUrl String forgeInstallLink,
        @DefaultValue("20") @Positive int maxOpenRequests) {

    public String forgeInstallLinkOrNull() {
        return forgeInstallLink == null || forgeInstallLink.isBlank() ? null : forgeInstallLink;
    }
}
