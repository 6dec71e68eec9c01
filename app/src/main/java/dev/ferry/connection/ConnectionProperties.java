package dev.ferry.connection;

import dev.ferry.setting.HttpUrl;
import dev.ferry.setting.PositiveOrZeroDuration;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Ferry reaches Jira over API-token and OAuth connections.
 *
 * @param gatewayUrl     Atlassian's API gateway, where scoped API tokens and OAuth access tokens are accepted
 *                       ({@code {gatewayUrl}/ex/jira/{cloudId}}); a simulator's in tests
 * @param expiryWarning  how long before an API token's expiry date the console and the API warn about it
 */
@Validated
@ConfigurationProperties("ferry.connections")
public record ConnectionProperties(@DefaultValue("https://api.atlassian.com") @NotNull @HttpUrl URI gatewayUrl,
        @DefaultValue("14d") @PositiveOrZeroDuration Duration expiryWarning) {

    /** {@code {gatewayUrl}/ex/{product}/{cloudId}}, without a trailing slash. */
    public URI gateway(String product, String cloudId) {
        String base = gatewayUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/ex/" + product + "/" + cloudId);
    }
}
