package dev.ferry.persistence;

import java.time.Duration;

/** The wait before a durable item (a delivery, a comment, a callback) is tried again after failed attempts. */
public final class RetryDelay {

    private RetryDelay() {
    }

    /** {@code first} after one failed attempt, twice that after two, and so on, never more than {@code max}. */
    public static Duration doubling(Duration first, Duration max, int attempts) {
        Duration delay = first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
