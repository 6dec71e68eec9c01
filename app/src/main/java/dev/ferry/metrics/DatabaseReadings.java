package dev.ferry.metrics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what the gauges show, a few indexed counts and minimums, at most once per {@code ferry.metrics.gauge-cache}
 * whatever the number of gauges and scrapers. The numbers are the database's, the same on every node.
 */
@Component
class DatabaseReadings {

    private static final Logger log = LoggerFactory.getLogger(DatabaseReadings.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration cache;
    private Reading last;
    private Instant readAt = Instant.MIN;

    DatabaseReadings(JdbcClient jdbc, Clock clock, MetricsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cache = properties.gaugeCache();
    }

    /** The current reading: the kept one while it is fresh enough, else a new one. */
    synchronized Reading current() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(readAt.plus(cache))) {
            last = read(now);
            readAt = now;
        }
        return last;
    }

    private Reading read(Instant now) {
        try {
            Map<Backlog, Double> depth = new EnumMap<>(Backlog.class);
            Map<Backlog, Double> oldest = new EnumMap<>(Backlog.class);
            for (Backlog backlog : Backlog.values()) {
                depth.put(backlog, jdbc.sql(backlog.depth).query(Long.class).single().doubleValue());
                Timestamp due = jdbc.sql(backlog.oldest).param(Timestamp.from(now)).query(Timestamp.class).optional()
                        .orElse(null);
                oldest.put(backlog, due == null ? 0 : secondsSince(due, now));
            }
            return new Reading(depth, oldest, reconnect(), lags(now));
        } catch (RuntimeException unreadable) {
            log.debug("metrics: the database could not be read: {}", unreadable.toString());
            return Reading.UNREADABLE;
        }
    }

    private Map<String, Double> reconnect() {
        Map<String, Double> reasons = new LinkedHashMap<>();
        reasons.put("credentials_rejected", jdbc.sql(
                "select count(distinct client_key) from site_link where credentials_rejected_at is not null")
                .query(Long.class).single().doubleValue());
        reasons.put("grant_broken", jdbc.sql("""
                select count(*) from jira_connection c join oauth_grant g on g.id = c.oauth_grant_id
                where g.broken_at is not null""").query(Long.class).single().doubleValue());
        return reasons;
    }

    /** Checkpoints of schedules and collectors that run: a paused one is behind on purpose. */
    private List<Reading.Lag> lags(Instant now) {
        List<Reading.Lag> lags = new ArrayList<>(jdbc.sql("""
                select c.connection_id, c.stream, c.watermark from ingest_checkpoint c
                join ingest_schedule s on s.connection_id = c.connection_id
                where s.paused = false and c.watermark is not null""")
                .query((rs, row) -> new Reading.Lag("activity", rs.getString(1), rs.getString(2),
                        secondsSince(rs.getTimestamp(3), now))).list());
        lags.addAll(jdbc.sql("select connection_id, checkpoint from audit_collector where paused = false and checkpoint is not null")
                .query((rs, row) -> new Reading.Lag("audit", rs.getString(1), "audit_records",
                        secondsSince(rs.getTimestamp(2), now))).list());
        return lags;
    }

    private static double secondsSince(Timestamp at, Instant now) {
        return Math.max(0, Duration.between(at.toInstant(), now).toMillis() / 1000.0);
    }
}
