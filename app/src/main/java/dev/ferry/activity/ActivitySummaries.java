package dev.ferry.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.refusal.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A person's activity over a range counted by kind and by day (UTC): the database groups the rows (over the
 * actor index), so a year of activity comes back as at most a few thousand counts.
 */
@Component
class ActivitySummaries {

    /** The range when none is given: the 30 days up to now. */
    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    private static final String DAY = "cast(a.occurred_at at time zone 'UTC' as date)";

    private final NamedParameterJdbcTemplate jdbc;
    private final ActivityFilters filters;
    private final Clock clock;

    ActivitySummaries(JdbcTemplate jdbc, ActivityFilters filters, Clock clock) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.filters = filters;
        this.clock = clock;
    }

    Summary of(String organizationId, String person, String connection, String fromText, String toText) {
        Refusal.require(!ActivityFilters.blank(person), "person is required: Ferry's id of the person or the product's");
        Instant to = ActivityFilters.instant("to", toText, 1);
        Instant from = ActivityFilters.instant("from", fromText, 0);
        to = to != null ? to : from != null && from.isAfter(clock.instant()) ? from.plus(DEFAULT_RANGE) : clock.instant();
        from = from != null ? from : to.minus(DEFAULT_RANGE);
        ActivityFilter filter = filters.parse(organizationId, new ActivityParams(person, connection, null, null,
                from.toString(), to.toString(), null, null));
        ActivityWhere where = ActivityWhere.of(filter);
        Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
        jdbc.query("select " + DAY + " as utc_day, a.kind, count(*) as n from activity a" + where.sql() + " group by " + DAY
                + ", a.kind", where.params(), (RowCallbackHandler) rs -> {
                    days.computeIfAbsent(rs.getObject("utc_day", LocalDate.class), d -> new TreeMap<>())
                            .put(rs.getString("kind").toLowerCase(Locale.ROOT), rs.getLong("n"));
                });
        Map<String, Long> byKind = new TreeMap<>();
        List<Day> byDay = new ArrayList<>();
        days.forEach((day, kinds) -> {
            kinds.forEach((kind, n) -> byKind.merge(kind, n, Long::sum));
            byDay.add(new Day(day, kinds.values().stream().mapToLong(Long::longValue).sum(), kinds));
        });
        PersonRef p = filter.person();
        return new Summary(new ActivityItem.Person(p.id(), p.externalId(), p.name()), filter.connection(), filter.from(),
                filter.to(), byKind.values().stream().mapToLong(Long::longValue).sum(), new LinkedHashMap<>(byKind), byDay);
    }

    /** The counts of a range; days without activity are left out. */
    record Summary(ActivityItem.Person person, @JsonInclude(JsonInclude.Include.ALWAYS) String connection, Instant from, Instant to, long total,
            Map<String, Long> byKind, List<Day> byDay) {
    }

    /** One UTC day's counts. */
    record Day(LocalDate day, long total, Map<String, Long> byKind) {
    }
}
