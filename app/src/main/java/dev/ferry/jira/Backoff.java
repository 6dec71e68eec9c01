package dev.ferry.jira;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Atlassian's retry advice (PROTOCOL §9): wait at least Retry-After when Jira gives one, otherwise back off
 * exponentially from the initial delay to the cap with ×0.7–1.3 jitter, so workers do not retry in step.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final int maxRetries;

    Backoff(JiraProperties properties) {
        this.initial = properties.backoffInitial();
        this.max = properties.backoffMax();
        this.maxRetries = properties.maxRetries();
    }

    /** The wait before retry number {@code retry} (1 for the first); {@code retryAfter} may be null. */
    Duration delay(int retry, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter;
        }
        double exponential = initial.toMillis() * Math.pow(2, Math.min(retry - 1, 30));
        double capped = Math.min(exponential, max.toMillis());
        return Duration.ofMillis(Math.round(capped * ThreadLocalRandom.current().nextDouble(0.7, 1.3)));
    }

    /** Whether retry number {@code retry} is still allowed. */
    boolean allows(int retry) {
        return retry <= maxRetries;
    }
}
