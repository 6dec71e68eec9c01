package dev.ferry.forge;

import dev.ferry.setting.PositiveDuration;
import dev.ferry.setting.PositiveOrZeroDuration;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Ferry keeps its Forge installations.
 *
 * @param cacheTtl             how long a node keeps an installation (and the token it holds) between lookups
 *                             ({@code 0s}: read every time); a change through another node is seen within it
 * @param unreadableTokenLifetime how long a system token whose {@code exp} cannot be read is kept: the shortest
 *                             validity Forge has documented for the token it hands over (55 minutes)
 * @param maxTokenLifetime     the longest a kept token is used, whatever its {@code exp} says: Forge's maximum TTL
 */
@Validated
@ConfigurationProperties("ferry.forge.installations")
public record ForgeInstallationsProperties(
        @DefaultValue("1s") @PositiveOrZeroDuration Duration cacheTtl,
        @DefaultValue("55m") @PositiveDuration Duration unreadableTokenLifetime,
        @DefaultValue("4h") @PositiveDuration Duration maxTokenLifetime) {
}
