package dev.ferry.jira;

import java.time.Duration;
import java.time.Instant;

/**
 * How far back a search for an issue a lost create may have filed looks, in whole minutes before Jira's now.
 * The minutes elapsed since the write was attempted are measured on Ferry's clock and applied to Jira's, so
 * neither clock skew between the two nor anyone's time zone moves the window.
 */
final class RecoveryWindow {

    /** Covers the create call's own latency and the rounding to whole minutes. */
    static final Duration MARGIN = Duration.ofMinutes(5);
    /**
     * The farthest back a search looks, so its pages stay few on a busy project. Automatic retries end well
     * inside it (at most an hour apart, a few dozen of them); only a delivery or hand ticket retried more than
     * a week after its write was attempted (a person sending a failed one again) is searched for among the
     * last week's issues alone: an issue its lost create filed before that is not found, and a second one is filed.
     */
    static final Duration REACH = Duration.ofDays(7);

    private RecoveryWindow() {
    }

    /**
     * The minutes from {@code since} (a write attempt) to {@code now} rounded up, plus the margin, at most the
     * reach; a {@code since} after {@code now} (Ferry's clock set back) counts as no time elapsed.
     */
    static long minutes(Instant since, Instant now) {
        long elapsedMillis = Math.max(0, Duration.between(since, now).toMillis());
        long elapsedMinutes = (elapsedMillis + 59_999) / 60_000;
        return Math.min(elapsedMinutes + MARGIN.toMinutes(), REACH.toMinutes());
    }
}
