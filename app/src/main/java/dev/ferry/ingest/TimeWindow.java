package dev.ferry.ingest;

import java.time.Instant;

/** The span a run reads: activities that occurred at or after {@code from} and before {@code to}. */
public record TimeWindow(Instant from, Instant to) {

    public TimeWindow {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("a window ends after it starts: " + from + " > " + to);
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }
}
