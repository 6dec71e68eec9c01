package dev.ferry.jira;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Waiting inline for the rate gate or a retry; an interrupt ends the wait as an unavailable Jira. */
final class Pause {

    private Pause() {
    }

    static void until(Clock clock, Instant instant) {
        long millis = Duration.between(clock.instant(), instant).toMillis();
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JiraException(JiraException.Kind.UNAVAILABLE, 0, "interrupted while waiting to call Jira", null);
        }
    }
}
