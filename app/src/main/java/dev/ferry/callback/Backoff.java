package dev.ferry.callback;

import dev.ferry.persistence.RetryDelay;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The wait before a failed message is tried again: doubling from the first wait up to the longest, each spread by
 * ±20 % at random so that endpoints coming back from an outage are not hit by every sender at once.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait after {@code attempts} failed attempts (1 or more). */
    Duration after(int attempts) {
        long capped = RetryDelay.doubling(initial, max, attempts).toMillis();
        double jitter = 0.8 + 0.4 * random.getAsDouble();
        return Duration.ofMillis(Math.max(1, Math.round(capped * jitter)));
    }
}
