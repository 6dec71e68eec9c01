package dev.ferry.crypto;

import dev.ferry.schedule.SingletonJob;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the re-encryption a minute after start-up (a rotation is a restart with a new current key) and then every
 * {@code ferry.secret-reencryption.interval}, on one node at a time. Two runs at once would still be safe (see
 * {@link SecretReencryption}), which is what lets the {@code reencrypt-secrets} command run beside the nodes.
 */
@Component
@ConditionalOnProperty(name = "ferry.secret-reencryption.enabled", havingValue = "true", matchIfMissing = true)
class SecretReencryptionJob {

    private final SecretReencryption reencryption;

    SecretReencryptionJob(SecretReencryption reencryption) {
        this.reencryption = reencryption;
    }

    @SingletonJob(name = "secret-reencryption")
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${ferry.secret-reencryption.interval:6h}")
    void run() {
        reencryption.run();
    }
}
