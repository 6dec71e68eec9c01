package dev.ferry.crypto;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the re-encryption a minute after start-up (a rotation is a restart with a new current key) and then every
 * {@code ferry.secret-reencryption.interval}. Safe on many nodes at once (see {@link SecretReencryption}).
 */
@Component
@ConditionalOnProperty(name = "ferry.secret-reencryption.enabled", havingValue = "true", matchIfMissing = true)
class SecretReencryptionJob {

    private final SecretReencryption reencryption;

    SecretReencryptionJob(SecretReencryption reencryption) {
        this.reencryption = reencryption;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${ferry.secret-reencryption.interval:6h}")
    void run() {
        reencryption.run();
    }
}
