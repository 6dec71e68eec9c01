package dev.ferry.auditcollector;

import dev.ferry.refusal.BodyChecks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A collector's settings as a person or program typed them, checked field by field before anything is stored:
 * the poll interval, the first backfill's start and Jira's filter words.
 */
final class CollectorInput {

    /** Jira keeps polling fresh only so far apart: a day between polls is the most a collector may wait. */
    static final Duration MAX_INTERVAL = Duration.ofHours(24);
    /** The records store's default retention: records older than this would be pruned as soon as they are read. */
    static final int OLDEST_START_DAYS = 400;
    static final int MAX_FILTER = 255;

    private CollectorInput() {
    }

    /** The settings a collector polls with; null fields keep what an edited collector has. */
    record Settings(Duration pollInterval, Instant startFrom, String filter) {
    }

    /**
     * The poll interval from {@code pollMinutes} or {@code pollInterval} (ISO-8601, {@code PT10M}), or null when
     * neither was given; both given is refused, so no one wonders which won.
     */
    static Duration interval(BodyChecks checks, Integer minutes, String iso, Duration min) {
        if (minutes != null && iso != null) {
            checks.require(false, "/pollInterval", "give pollMinutes or pollInterval, not both");
            return null;
        }
        Duration interval = minutes != null ? Duration.ofMinutes(minutes) : iso == null ? null : parse(checks, iso);
        if (interval == null) {
            return null;
        }
        String pointer = minutes != null ? "/pollMinutes" : "/pollInterval";
        boolean ok = checks.require(!interval.minus(min).isNegative(), pointer, "the poll interval is at least "
                + words(min) + " (ferry.audit-collectors.min-poll-interval); " + words(interval) + " is shorter")
                && checks.require(interval.compareTo(MAX_INTERVAL) <= 0, pointer,
                        "the poll interval is at most 24 hours; " + words(interval) + " is longer");
        return ok ? interval : null;
    }

    /**
     * When the first backfill starts: a date ({@code 2026-01-31}, its midnight UTC) or an instant; not in the future
     * and not before {@value #OLDEST_START_DAYS} days ago. Null or blank: the first-run default.
     */
    static Instant startFrom(BodyChecks checks, String text, Instant now) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant start;
        try {
            String value = text.strip();
            start = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            checks.require(false, "/startFrom", "startFrom is a date (2026-01-31) or an instant (2026-01-31T08:00:00Z)");
            return null;
        }
        boolean ok = checks.require(!start.isAfter(now), "/startFrom", "startFrom " + text.strip()
                + " is in the future: a backfill starts from a time that has passed")
                && checks.require(!start.isBefore(now.minus(OLDEST_START_DAYS, ChronoUnit.DAYS)), "/startFrom",
                        "startFrom " + text.strip() + " is more than " + OLDEST_START_DAYS + " days ago: Ferry keeps"
                                + " audit records " + OLDEST_START_DAYS + " days, so older ones would be pruned at once");
        return ok ? start : null;
    }

    /** Jira's filter words, stripped; null when none. */
    static String filter(BodyChecks checks, String text) {
        String filter = text == null ? "" : text.strip();
        if (filter.isEmpty()) {
            return null;
        }
        return checks.require(filter.length() <= MAX_FILTER && filter.chars().noneMatch(Character::isISOControl),
                "/filter", "filter is at most " + MAX_FILTER + " characters on one line (Jira's filter words, space"
                        + " separated); it has " + filter.length()) ? filter : null;
    }

    /** "5 minutes", "1 hour", "90 seconds": how the console and refusals write an interval. */
    static String words(Duration interval) {
        if (interval.toSeconds() % 3600 == 0) {
            long hours = interval.toHours();
            return hours + (hours == 1 ? " hour" : " hours");
        }
        if (interval.toSeconds() % 60 == 0) {
            long minutes = interval.toMinutes();
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        return interval.toSeconds() + " seconds";
    }

    private static Duration parse(BodyChecks checks, String iso) {
        try {
            return Duration.parse(iso.strip());
        } catch (DateTimeParseException e) {
            checks.require(false, "/pollInterval", "pollInterval is an ISO-8601 duration such as PT10M; or give"
                    + " pollMinutes");
            return null;
        }
    }
}
