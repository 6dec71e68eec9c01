package dev.ferry.activity;

import dev.ferry.ingest.ActivityKind;
import dev.ferry.ingest.ActivitySource;
import dev.ferry.refusal.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Turns typed filters into an {@link ActivityFilter}, refusing each bad one in words the caller can act on. */
@Component
class ActivityFilters {

    private final JdbcClient jdbc;
    private final MappedPeople people;

    ActivityFilters(JdbcClient jdbc, MappedPeople people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    ActivityFilter parse(String organizationId, ActivityParams p) {
        Instant from = instant("from", p.from(), 0);
        Instant to = instant("to", p.to(), 1);
        Refusal.require(from == null || to == null || from.isBefore(to), "from must be before to");
        boolean ascending = ascending(p.order());
        ActivityCursor cursor = blank(p.cursor()) ? null : ActivityCursor.decode(p.cursor());
        Refusal.require(cursor == null || cursor.ascending() == ascending,
                "cursor belongs to a list in the other order: keep order as it was");
        ActivityKind kind = kind(p.kind());
        ActivitySource source = source(p.source());
        if (kind != null && source != null && kind.source() != source) {
            throw Refusal.invalid("kind " + kind.value() + " is not a " + source.value() + " activity");
        }
        PersonRef person = blank(p.person()) ? null : people.find(organizationId, p.person().strip())
                .orElseThrow(() -> Refusal.invalid("no person " + p.person().strip() + " in this organization"));
        return new ActivityFilter(organizationId, person, connection(organizationId, p.connection()), source, kind, from,
                to, ascending, cursor);
    }

    String connection(String organizationId, String text) {
        if (blank(text)) {
            return null;
        }
        String id = text.strip();
        boolean ours = jdbc.sql("select count(*) from site_link where organization_id = ? and client_key = ?")
                .params(organizationId, id).query(Long.class).single() > 0;
        Refusal.require(ours, "no connection " + id + " in this organization");
        return id;
    }

    /** An instant, or a day: its start for {@code from} ({@code plusDays} 0), the next day's start for {@code to}. */
    static Instant instant(String name, String text, int plusDays) {
        if (blank(text)) {
            return null;
        }
        String value = text.strip();
        try {
            return value.length() == 10 ? LocalDate.parse(value).plusDays(plusDays).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(name + " must be an ISO-8601 instant such as 2026-03-01T12:00:00Z or a day such as 2026-03-01");
        }
    }

    private static boolean ascending(String order) {
        if (blank(order) || order.strip().equalsIgnoreCase("desc")) {
            return false;
        }
        Refusal.require(order.strip().equalsIgnoreCase("asc"), "order must be asc or desc");
        return true;
    }

    private static ActivityKind kind(String text) {
        if (blank(text)) {
            return null;
        }
        return ActivityKind.of(text.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> Refusal.invalid("unknown kind "
                + text.strip() + "; kinds are " + Arrays.stream(ActivityKind.values()).map(ActivityKind::value)
                        .collect(Collectors.joining(", "))));
    }

    private static ActivitySource source(String text) {
        if (blank(text)) {
            return null;
        }
        return ActivitySource.of(text.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> Refusal.invalid("unknown source " + text.strip() + "; sources are jira, confluence"));
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
