package dev.ferry.forge;

import dev.ferry.setting.HttpUrl;
import dev.ferry.setting.PositiveDuration;
import dev.ferry.setting.PositiveOrZeroDuration;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Forge Invocation Tokens are verified.
 *
 * @param appId           this Forge app's id, as its ARI ({@code ari:cloud:ecosystem::app/<uuid>}) or the bare uuid;
 *                        a token's audience must name it. Empty: Forge is not set up and every token is refused
 * @param jwksUrl         Atlassian's JWKS holding the keys that sign the tokens
 * @param jwksTimeout     how long one fetch of the JWKS may take
 * @param jwksRefresh     the least time between two fetches of the JWKS: a token naming an unknown key makes Ferry
 *                        fetch again at most this often, so forged key ids cannot make it hammer the JWKS
 * @param leeway          clock skew allowed on {@code exp}, {@code nbf} and {@code iat}
 * @param maxLifetime     the longest a token may live from now; Forge's live minutes
 */
@Validated
@ConfigurationProperties("ferry.forge")
public record ForgeProperties(
        @DefaultValue("") String appId,
        @DefaultValue("https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json") @NotNull @HttpUrl URI jwksUrl,
        @DefaultValue("2s") @PositiveDuration Duration jwksTimeout,
        @DefaultValue("1m") @PositiveOrZeroDuration Duration jwksRefresh,
        @DefaultValue("30s") @PositiveOrZeroDuration Duration leeway,
        @DefaultValue("15m") @PositiveDuration Duration maxLifetime) {

    static final String ARI_PREFIX = "ari:cloud:ecosystem::app/";

    /** The audience a token for this app carries: the app's ARI. */
    String audience() {
        return appId.startsWith("ari:") ? appId : ARI_PREFIX + appId;
    }
}
