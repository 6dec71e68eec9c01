package dev.ferry.url;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Ferry may send a request beyond Atlassian Cloud, read by {@link OutboundGuard}.
 *
 * @param allowedHosts          further hosts Ferry may call, {@code host} (any port) or {@code host:port}
 *                              ({@code [::1]:8080} for IPv6); each may use http and resolve to any address (a
 *                              simulator on loopback, a self-hosted test Jira)
 * @param allowPrivateAddresses lets Atlassian Cloud names resolve to private, loopback, shared (100.64/10) and
 *                              unique-local addresses, for a test rig with its own DNS; link-local (cloud
 *                              metadata), multicast, broadcast and unspecified addresses stay refused
 */
@Validated
@ConfigurationProperties("ferry.outbound")
public record OutboundProperties(@DefaultValue List<String> allowedHosts, @DefaultValue("false") boolean allowPrivateAddresses) {

    public OutboundProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }
}
