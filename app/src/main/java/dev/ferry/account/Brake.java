package dev.ferry.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One sign-in brake as locked for an attempt: failures so far, and when the next attempt may be checked. */
record Brake(String key, int failures, Instant notBefore, boolean signedIn) {

    /** How long the next attempt waits; zero when it need not. */
    Duration waitAt(Instant now) {
        return notBefore == null || !notBefore.isAfter(now) ? Duration.ZERO : Duration.between(now, notBefore);
    }

    /**
     * The wait after {@code failures} failures: none while they are fewer than {@code free}, then
     * {@code first}, doubling with every further failure up to {@code max}.
     */
    static Optional<Duration> delay(int failures, int free, Duration first, Duration max) {
        if (failures < free) {
            return Optional.empty();
        }
        Duration delay = first.multipliedBy(1L << Math.min(failures - free, 30));
        return Optional.of(delay.compareTo(max) > 0 ? max : delay);
    }
}
