package dev.ferry.admin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of organizations and the product API's authentication.
 *
 * @param operatorToken      the bearer token of the operator endpoint that creates organizations
 *                           ({@code POST /api/v1/organizations}); blank turns that endpoint off (404)
 * @param keyLastUsedInterval how stale an API key's last-used time may get before a call writes it again;
 *                           keeps a busy key from writing its row on every request
 */
@ConfigurationProperties("ferry.admin")
record AdminProperties(
        @DefaultValue("") String operatorToken,
        @DefaultValue("60s") Duration keyLastUsedInterval) {

    boolean operatorEndpointEnabled() {
        return operatorToken != null && !operatorToken.isBlank();
    }

    /** Never prints the operator token. */
    @Override
    public String toString() {
        return "AdminProperties[operatorToken=" + (operatorEndpointEnabled() ? "(set)" : "(blank)")
                + ", keyLastUsedInterval=" + keyLastUsedInterval + "]";
    }
}
