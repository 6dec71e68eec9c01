package dev.ferry.connect;

import dev.ferry.setting.HttpUrl;
import dev.ferry.setting.PositiveDuration;
import dev.ferry.setting.PositiveOrZeroDuration;
import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Ferry checks Jira's tokens.
 *
 * @param installKeysUrls       install-key servers, tried in order; the key for {@code kid} is at {@code {url}/{kid}}
 * @param allowedBaseUrls       further {@code aud} values a signed install may carry (an old or alternative base URL)
 * @param installKeysTimeout    how long one key server may take; two of them must fit Jira's 3 s install budget
 * @param allJsUrl              Atlassian's iframe bridge script, loaded by every iframe page (empty: left out)
 * @param tenantCacheTtl        how long a node keeps a site's secret and install state between lookups (0: always
 *                              read); a change made through another node is seen after at most this long
 */
@Validated
@ConfigurationProperties("ferry.connect")
public record ConnectProperties(
        @DefaultValue({"https://asap-distribution.us-west-2.prod.atl-asap.net", "https://connect-install-keys.atlassian.com"})
        @NotEmpty List<@HttpUrl URI> installKeysUrls,
        @DefaultValue List<@HttpUrl URI> allowedBaseUrls,
        @DefaultValue("1200ms") @PositiveDuration Duration installKeysTimeout,
        @DefaultValue("https://connect-cdn.atl-paas.net/all.js") @HttpUrl String allJsUrl,
        @DefaultValue("1s") @PositiveOrZeroDuration Duration tenantCacheTtl) {

    /** The iframe bridge script to load, or null when it is left out. */
    public String allJsScript() {
        return allJsUrl == null || allJsUrl.isBlank() ? null : allJsUrl;
    }
}
