package dev.ferry.auditcollector;

import dev.ferry.persistence.NewWork;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code audit_collector} rows as people configure them: added, their settings changed, paused, resumed,
 * deleted. Where a poll stands is the poller's to move; a change here that makes it stale also clears the lease,
 * which fences out a poller still holding the collector. A collector due at once wakes this node's poller when the
 * change commits: the person who made it is looking at its status.
 */
@Component
class CollectorRows {

    private static final NewWork NEW_WORK = new NewWork(AuditPollWorker.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CollectorRows(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A new collector, due at once, paused never, having read nothing. */
    void insert(String id, String organizationId, String connectionId, CollectorInput.Settings settings, String actor,
            Instant now) {
        jdbc.sql("""
                insert into audit_collector (id, organization_id, connection_id, poll_seconds, start_from, filter, paused,
                    window_offset, next_poll_at, attempts, records, created_by, created_at, updated_at)
                values (:id, :organizationId, :connectionId, :pollSeconds, :startFrom, :filter, false, 0, :now, 0, 0,
                    :actor, :now, :now)""")
                .param("id", id).param("organizationId", organizationId).param("connectionId", connectionId)
                .param("pollSeconds", (int) settings.pollInterval().toSeconds())
                .param("startFrom", timestamp(settings.startFrom())).param("filter", settings.filter())
                .param("actor", actor).param("now", Timestamp.from(now)).update();
        events.publishEvent(NEW_WORK);
    }

    Optional<AuditCollector> find(String organizationId, String id) {
        return jdbc.sql("select * from audit_collector where id = ? and organization_id = ?").params(id, organizationId)
                .query(AuditCollector::read).optional();
    }

    List<AuditCollector> listOf(String organizationId) {
        return jdbc.sql("select * from audit_collector where organization_id = ? order by created_at, id")
                .param(organizationId).query(AuditCollector::read).list();
    }

    /** The collector already reading the connection, if one does. */
    Optional<String> onConnection(String connectionId) {
        return jdbc.sql("select id from audit_collector where connection_id = ?").param(connectionId)
                .query(String.class).optional();
    }

    /**
     * New settings. {@code restart}: the start or the filter changed, so what was read no longer says what is left
     * to read; the collector starts over from its start, at once, and a poller holding it loses its lease. Otherwise
     * only the interval changed: the next poll comes no later than one new interval from now.
     */
    void change(String id, CollectorInput.Settings settings, boolean restart, Instant now) {
        String polling = restart
                ? "checkpoint = null, window_from = null, window_to = null, window_offset = 0, lease_until = null,"
                        + " next_poll_at = :now"
                : "next_poll_at = case when next_poll_at < :soonest then next_poll_at else :soonest end";
        jdbc.sql("update audit_collector set poll_seconds = :pollSeconds, start_from = :startFrom, filter = :filter, "
                + polling + ", updated_at = :now where id = :id")
                .param("id", id).param("pollSeconds", (int) settings.pollInterval().toSeconds())
                .param("startFrom", timestamp(settings.startFrom())).param("filter", settings.filter())
                .param("soonest", Timestamp.from(now.plus(settings.pollInterval()))).param("now", Timestamp.from(now))
                .update();
        if (restart) {
            events.publishEvent(NEW_WORK);
        }
    }

    void pause(String id, Instant now) {
        jdbc.sql("update audit_collector set paused = true, updated_at = ? where id = ?")
                .params(Timestamp.from(now), id).update();
    }

    /** Polls at once; the last error stays on show until a poll succeeds. */
    void resume(String id, Instant now) {
        jdbc.sql("update audit_collector set paused = false, next_poll_at = ?, updated_at = ? where id = ?")
                .params(Timestamp.from(now), Timestamp.from(now), id).update();
        events.publishEvent(NEW_WORK);
    }

    /** Its sink row goes by cascade; its stored records stay until retention prunes them. */
    void delete(String id) {
        jdbc.sql("delete from audit_collector where id = ?").param(id).update();
    }

    /** The organization's sinks by collector id, read straight from {@code audit_sink}: only what the list shows. */
    Map<String, SinkSummary> sinks(String organizationId) {
        return jdbc.sql("select collector_id, url, enabled, attempts from audit_sink where organization_id = ?")
                .param(organizationId)
                .query((rs, row) -> Map.entry(rs.getString("collector_id"),
                        SinkSummary.of(rs.getString("url"), rs.getBoolean("enabled"), rs.getInt("attempts"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
