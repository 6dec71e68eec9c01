package dev.ferry.privacy;

import dev.ferry.setting.PositiveDuration;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long activities are kept.
 *
 * @param retention          activities that happened longer ago are deleted; so are names not seen for as long
 *                           with no activity left
 * @param pruneEvery         how often a node prunes
 * @param pruneBatch         rows deleted per transaction, so a large prune never holds one long transaction
 * @param pruneWorkerEnabled whether this node prunes on its schedule
 */
@Validated
@ConfigurationProperties("ferry.activity")
record RetentionProperties(
        @DefaultValue("400d") @PositiveDuration Duration retention,
        @DefaultValue("1h") @PositiveDuration Duration pruneEvery,
        @DefaultValue("1000") @Positive int pruneBatch,
        @DefaultValue("true") boolean pruneWorkerEnabled) {

    RetentionProperties {
        pruneBatch = Math.max(1, pruneBatch);
    }
}
