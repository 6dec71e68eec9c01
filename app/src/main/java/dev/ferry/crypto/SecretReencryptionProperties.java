package dev.ferry.crypto;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The job that moves sealed values to the current key after a rotation.
 *
 * @param enabled   run it on a schedule (the {@code reencrypt-secrets} command runs it once whatever this says)
 * @param interval  time between two runs; a run with nothing to move reads one index range per column
 * @param batchSize rows read, re-sealed and written per transaction
 */
@ConfigurationProperties("ferry.secret-reencryption")
@Validated
record SecretReencryptionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("6h") Duration interval,
        @DefaultValue("200") @Min(1) int batchSize) {
}
