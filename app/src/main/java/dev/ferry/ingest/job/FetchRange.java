package dev.ferry.ingest.job;

import dev.ferry.refusal.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The span a person asked to fetch. A date means the whole day in UTC ({@code to} 2026-11-30 reads through the
 * end of that day); an instant is taken as given. A range reaching past now is cut at now, since nothing has
 * happened there yet; a range that starts in the future is refused.
 */
record FetchRange(Instant from, Instant to) {

    static FetchRange parse(String from, String to, Instant now, int maxDays) {
        Refusal.require(from != null && !from.isBlank(), "from is required: a date (2026-11-01) or an instant"
                + " (2026-11-01T00:00:00Z)");
        Refusal.require(to != null && !to.isBlank(), "to is required: a date (2026-11-30) or an instant"
                + " (2026-11-30T23:59:59Z)");
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        Refusal.require(!start.isAfter(end), "from (" + from + ") is after to (" + to + ")");
        Refusal.require(start.isBefore(now), "from (" + from + ") is in the future: there is nothing to fetch yet");
        Refusal.require(Duration.between(start, end).compareTo(Duration.ofDays(maxDays)) <= 0,
                "the range is over " + maxDays + " days (ferry.ingest.max-fetch-days): fetch it in parts");
        return new FetchRange(start, end.isAfter(now) ? now : end);
    }

    private static Instant instant(String name, String text, boolean end) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(name + " is not a date (2026-11-01) or an instant (2026-11-01T00:00:00Z): " + text);
        }
    }
}
