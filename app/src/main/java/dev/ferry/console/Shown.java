package dev.ferry.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the admin pages write times: minutes, UTC, the same on every page and in every browser. */
public final class Shown {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Shown() {
    }

    public static String time(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }
}
