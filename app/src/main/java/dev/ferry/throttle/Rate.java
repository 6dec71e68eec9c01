package dev.ferry.throttle;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.boot.convert.DurationStyle;

/**
 * A limit: at most {@code permits} in each fixed window of {@code window}, written {@code 50/1s} in settings
 * (Spring Boot's binder finds {@link #of(String)}).
 */
public record Rate(int permits, Duration window) {

    /** Longest window; rows older than this are pruned, so no window may outlive its row. */
    static final Duration LONGEST = Duration.ofDays(1);

    public Rate {
        if (permits < 1) {
            throw new IllegalArgumentException("a rate allows at least one request per window, not " + permits);
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("a rate's window is between 1s and 1d, not " + window);
        }
    }

    /** Parses {@code <permits>/<window>}, for example {@code 50/1s} or {@code 10/1m}. */
    public static Rate of(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a rate is written <permits>/<window>, like 50/1s, not " + text);
        }
        return new Rate(Integer.parseInt(text.substring(0, slash).strip()),
                DurationStyle.detectAndParse(text.substring(slash + 1).strip()));
    }

    /**
     * Permits a node reserves from the shared counter at once: a tenth of the window's, so busy keys cost a
     * database write per ten requests while a node can strand at most this many minus one per window.
     */
    int chunk() {
        return Math.max(1, permits / 10);
    }

    /** As the setting is written, in the largest unit that divides the window: {@code 10/1m}. */
    @Override
    public String toString() {
        for (ChronoUnit unit : List.of(ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS)) {
            if (window.toMillis() % unit.getDuration().toMillis() == 0) {
                return permits + "/" + DurationStyle.SIMPLE.print(window, unit);
            }
        }
        return permits + "/" + DurationStyle.SIMPLE.print(window);
    }
}
