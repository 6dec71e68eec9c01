package dev.ferry.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the admin pages write things: times in minutes, UTC, the same on every page and in every browser; who did
 * something by email rather than an internal actor id; refusals as sentences.
 */
public final class Shown {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Shown() {
    }

    public static String time(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }

    /** An audit actor as a person reads it: {@code user:ada@example.com} is ada@example.com. */
    public static String who(String actor) {
        if (actor == null) {
            return "";
        }
        if (actor.startsWith("user:")) {
            return actor.substring("user:".length());
        }
        return actor.startsWith("api-key:") ? "an API key" : actor;
    }

    /** A service's refusal ("no destination d1") as a sentence on a page: "No destination d1." */
    public static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        String stripped = text.strip();
        char last = stripped.charAt(stripped.length() - 1);
        return Character.toUpperCase(stripped.charAt(0)) + stripped.substring(1)
                + (last == '.' || last == '?' || last == '!' || last == ')' ? "" : ".");
    }
}
