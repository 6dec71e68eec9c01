package dev.ferry.admin;

import dev.ferry.setting.PositiveOrZeroDuration;
import dev.ferry.throttle.Rate;
import jakarta.validation.Valid;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of organizations and the product API's authentication.
 *
 * @param operatorToken      the bearer token of the operator endpoint that creates organizations
 *                           ({@code POST /api/v1/organizations}); blank turns that endpoint off (404)
 * @param keyLastUsedInterval how stale an API key's last-used time may get before a call writes it again;
 *                           keeps a busy key from writing its row on every request
 * @param limits             the product API's request limits, shared by every node
 */
@Validated
@ConfigurationProperties("ferry.admin")
record AdminProperties(
        @DefaultValue("") String operatorToken,
        @DefaultValue("60s") @PositiveOrZeroDuration Duration keyLastUsedInterval,
        @DefaultValue @Valid Limits limits) {

    boolean operatorEndpointEnabled() {
        return operatorToken != null && !operatorToken.isBlank();
    }

    /** Never prints the operator token. */
    @Override
    public String toString() {
        return "AdminProperties[operatorToken=" + (operatorEndpointEnabled() ? "(set)" : "(blank)")
                + ", keyLastUsedInterval=" + keyLastUsedInterval + ", limits=" + limits + "]";
    }

    /**
     * Requests under {@code /api/**}, each written {@code <permits>/<window>}; past one the answer is 429.
     *
     * @param perKey                 calls one API key makes
     * @param perAddress             requests from one client address (the operator endpoint's included)
     * @param previewsPerKey         template and rule previews one API key asks for (rendering costs more)
     * @param failedTokensPerAddress wrong API keys or operator tokens from one client address; past it the
     *                               address is refused before any token is checked, until the window ends
     */
    record Limits(
            @DefaultValue("50/1s") Rate perKey,
            @DefaultValue("100/1s") Rate perAddress,
            @DefaultValue("5/1s") Rate previewsPerKey,
            @DefaultValue("10/1m") Rate failedTokensPerAddress) {
    }
}
