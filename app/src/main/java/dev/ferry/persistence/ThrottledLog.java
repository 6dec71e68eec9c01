package dev.ferry.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * Writes one warning per interval for a failure that repeats (a database outage seen by every request
 * and every poll), and says how many like it were left out, so an outage costs a line a minute, not a
 * stack trace per attempt.
 */
public final class ThrottledLog {

    /** How often a repeating failure is written to the log. */
    public static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Logger log;
    private final Clock clock;
    private Instant lastWritten;
    private int leftOut;

    public ThrottledLog(Logger log) {
        this(log, Clock.systemUTC());
    }

    ThrottledLog(Logger log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** Logs {@code what} and the failure's cause in one line, unless a line was written within the interval. */
    public void warn(String what, Throwable failure) {
        Instant now = clock.instant();
        int skipped;
        synchronized (this) {
            if (lastWritten != null && now.isBefore(lastWritten.plus(INTERVAL))) {
                leftOut++;
                return;
            }
            skipped = leftOut;
            lastWritten = now;
            leftOut = 0;
        }
        String repeats = skipped == 0 ? "" : " (" + skipped + " more like it not logged since the last line)";
        log.warn("{}: {}{}", what, DatabaseFailures.describe(failure), repeats);
    }

    /** Forgets the failures, so the next one is written at once. */
    public synchronized void reset() {
        lastWritten = null;
        leftOut = 0;
    }
}
