package dev.ferry.connection;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Ferry reaches Jira over API-token and OAuth connections.
 *
 * @param gatewayUrl     Atlassian's API gateway, where scoped API tokens and OAuth access tokens are accepted
 *                       ({@code {gatewayUrl}/ex/jira/{cloudId}}); a simulator's in tests
 * @param expiryWarning  how long before an API token's expiry date the console and the API warn about it
 */
@ConfigurationProperties("ferry.connections")
public record ConnectionProperties(@DefaultValue("https://api.atlassian.com") URI gatewayUrl,
        @DefaultValue("14d") Duration expiryWarning) {

    /** {@code {gatewayUrl}/ex/{product}/{cloudId}}, without a trailing slash. */
    public URI gateway(String product, String cloudId) {
        String base = gatewayUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/ex/" + product + "/" + cloudId);
    }
}
