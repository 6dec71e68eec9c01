package dev.ferry.event;

import dev.ferry.refusal.InvalidBody;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Reads an event's {@code occurredAt}. Jackson's own reading turned a number like {@code 1e300} silently
 * into 1970, and an instant past the database's range failed the insert; here both are a 400.
 */
final class EventTimes {

    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    private static final String POINTER = "/occurredAt";
    private static final String RULE = "occurredAt must be an ISO-8601 instant (or epoch seconds) from "
            + EARLIEST + " to " + LATEST;

    private EventTimes() {
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw InvalidBody.of(POINTER, reason);
        }
    }

    /** The instant posted; {@code now} when none was. */
    static Instant occurredAt(JsonNode value, Instant now) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return now;
        }
        Instant instant = value.isNumber() ? fromSeconds(value.decimalValue()) : fromText(value);
        require(!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST), RULE);
        return instant;
    }

    private static Instant fromSeconds(BigDecimal seconds) {
        require(seconds.signum() >= 0 && seconds.compareTo(BigDecimal.valueOf(LATEST.getEpochSecond())) <= 0,
                RULE);
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    private static Instant fromText(JsonNode value) {
        require(value.isString(), RULE);
        try {
            return Instant.parse(value.asString().strip());
        } catch (DateTimeException e) {
            throw InvalidBody.of(POINTER, RULE);
        }
    }
}
