package dev.ferry.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a failed message is tried again ({@code ferry.callbacks.retry-window}, 24 hours unless set), counted
 * from when it was written or sent again by hand. A failure inside the window is tried again after its back-off,
 * but never later than the window's end, so the last try falls on it; a failure at or past the end is final.
 */
record RetryWindow(Duration length) {

    /** When to try again after a failed attempt at {@code now}, or empty when the message is to be FAILED. */
    Optional<Instant> nextAttempt(Instant windowFrom, Instant now, Duration backoff) {
        Instant end = windowFrom.plus(length);
        if (!now.isBefore(end)) {
            return Optional.empty();
        }
        Instant next = now.plus(backoff);
        return Optional.of(next.isAfter(end) ? end : next);
    }
}
