package dev.ferry.ingest.job;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.persistence.Columns;
import dev.ferry.refusal.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code ingest_schedule} table: when each connection is read on its own. A connection gets its row the
 * first time the engine sees it (the data sources page, the scheduler's sweep), due at once.
 */
@Component
class Schedules {

    static final int MIN_MINUTES = 5;
    static final int MAX_MINUTES = 1440;
    static final String FERRY = "ferry";

    /** A connection's schedule as stored. */
    record Schedule(String connectionId, String organizationId, int everyMinutes, boolean paused, Instant nextRunAt,
            Instant updatedAt, String updatedBy) {
    }

    private final JdbcClient jdbc;
    private final IngestProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    Schedules(JdbcClient jdbc, IngestProperties properties, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    Optional<Schedule> find(String connectionId) {
        return jdbc.sql("select * from ingest_schedule where connection_id = ?").param(connectionId)
                .query(Schedules::read).optional();
    }

    /** The connection's schedule, made with the default interval (due now) when it has none yet. */
    Schedule of(String organizationId, String connectionId) {
        return find(connectionId).orElseGet(() -> {
            Instant now = clock.instant();
            try {
                jdbc.sql("""
                        insert into ingest_schedule (connection_id, organization_id, every_minutes, paused, next_run_at,
                            updated_at, updated_by) values (?, ?, ?, false, ?, ?, ?)""")
                        .params(connectionId, organizationId, (int) Math.max(1, properties.every().toMinutes()),
                                Timestamp.from(now), Timestamp.from(now), FERRY).update();
            } catch (DuplicateKeyException raced) {
                // another node made it just now
            }
            return find(connectionId).orElseThrow();
        });
    }

    /** Changes the interval and pause; the next run is due one new interval after the last planned one's start. */
    @Transactional
    Schedule update(String organizationId, String actor, String connectionId, Integer everyMinutes, Boolean paused) {
        Refusal.require(everyMinutes != null || paused != null, "give everyMinutes (" + MIN_MINUTES + " to "
                + MAX_MINUTES + ") or paused (true or false)");
        Refusal.require(everyMinutes == null || everyMinutes >= MIN_MINUTES && everyMinutes <= MAX_MINUTES,
                "everyMinutes is between " + MIN_MINUTES + " and " + MAX_MINUTES + ": a connection is read at most every "
                        + MIN_MINUTES + " minutes and at least once a day");
        Schedule current = of(organizationId, connectionId);
        int every = everyMinutes != null ? everyMinutes : current.everyMinutes();
        boolean pause = paused != null ? paused : current.paused();
        Instant now = clock.instant();
        Instant next = everyMinutes != null ? now.plusSeconds(60L * every) : current.nextRunAt();
        jdbc.sql("""
                update ingest_schedule set every_minutes = ?, paused = ?, next_run_at = ?, updated_at = ?, updated_by = ?
                where connection_id = ?""").params(every, pause, Timestamp.from(next), Timestamp.from(now),
                Columns.clip(actor, 255), connectionId).update();
        audit.record(organizationId, actor, AuditAction.INGEST_SCHEDULE_UPDATED, connectionId,
                (pause ? "paused" : "every " + every + " minutes"));
        return find(connectionId).orElseThrow();
    }

    /**
     * Takes the connection's schedule if it is due, moving its next run one interval on; false when another node
     * took it first or it is not due. The conditional update is the claim: no two nodes start the same run.
     */
    boolean takeDue(Schedule schedule, Instant now) {
        Instant next = now.plusSeconds(60L * schedule.everyMinutes());
        return jdbc.sql("""
                update ingest_schedule set next_run_at = ? where connection_id = ? and next_run_at = ? and paused = false
                and next_run_at <= ?""").params(Timestamp.from(next), schedule.connectionId(),
                Timestamp.from(schedule.nextRunAt()), Timestamp.from(now)).update() == 1;
    }

    List<Schedule> due(Instant now, int limit) {
        return jdbc.sql("select * from ingest_schedule where paused = false and next_run_at <= ? order by next_run_at limit ?")
                .params(Timestamp.from(now), limit).query(Schedules::read).list();
    }

    int forget(String connectionId) {
        return jdbc.sql("delete from ingest_schedule where connection_id = ?").param(connectionId).update();
    }

    private static Schedule read(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Schedule(rs.getString("connection_id"), rs.getString("organization_id"), rs.getInt("every_minutes"),
                rs.getBoolean("paused"), Columns.instant(rs, "next_run_at"), Columns.instant(rs, "updated_at"),
                rs.getString("updated_by"));
    }
}
