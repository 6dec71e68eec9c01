package dev.ferry.persistence;

import java.time.Duration;
import dev.ferry.setting.PositiveOrZeroDuration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a node keeps what every posted product event and every delivery reads ({@link KeptLookups}): the API key,
 * the event type of the catalog, the organization's destinations with their rules, its linked sites, and a site's
 * link and credentials' state.
 *
 * @param ttl how long a lookup is kept ({@code 0s}: read every time). This node forgets a lookup as soon as it
 *            changes it; a change made through another node is seen within this time, so a key revoked there is
 *            refused here within it
 */
@Validated
@ConfigurationProperties("ferry.lookup-cache")
public record LookupCacheProperties(@DefaultValue("5s") @PositiveOrZeroDuration Duration ttl) {
}
