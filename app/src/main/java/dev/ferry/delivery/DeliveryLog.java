package dev.ferry.delivery;

import dev.ferry.refusal.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An organization's recent deliveries, newest first, with the event and project each was for. */
@Component
class DeliveryLog {

    static final int MAX_LIMIT = 500;
    /** The statuses the log is filtered by, in the order the console offers them. */
    static final List<String> STATUSES = List.of("PENDING", "WAITING", "DONE", "FAILED", "SKIPPED");

    private final JdbcClient jdbc;

    DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One line of the log; {@code destinationDeleted} once a person deleted its destination, {@code nextAttemptAt}
     * only while the delivery is pending or waiting.
     */
    record Entry(long id, String eventId, String eventType, String subjectType, String subjectId, String subjectTitle,
            String destinationId, String projectKey, boolean destinationDeleted, String site, String status,
            String outcome, String issueKey, int attempts, String lastError, Instant createdAt, Instant finishedAt,
            Instant nextAttemptAt) {
    }

    /** {@code status} null or blank: every status. */
    List<Entry> recent(String organizationId, String status, int limit) {
        Refusal.require(limit >= 1 && limit <= MAX_LIMIT, "limit must be from 1 to " + MAX_LIMIT);
        String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        Refusal.require(wanted == null || STATUSES.contains(wanted), "status must be one of " + STATUSES);
        // The status condition is left out rather than bound as null: PostgreSQL cannot type a bare null parameter.
        var statement = jdbc.sql("""
                select d.id, d.event_id, e.type, e.subject_type, e.subject_id, e.subject_title, d.destination_id,
                    t.project_key, t.deleted_at, d.client_key, d.status, d.outcome, d.issue_key, d.attempts,
                    d.last_error, d.created_at, d.finished_at, d.next_attempt_at
                from ticket_delivery d
                join product_event e on e.id = d.event_id
                join destination t on t.id = d.destination_id
                where d.organization_id = :organizationId""" + (wanted == null ? "" : " and d.status = :status")
                + " order by d.created_at desc, d.id desc fetch first :limit rows only")
                .param("organizationId", organizationId).param("limit", limit);
        if (wanted != null) {
            statement = statement.param("status", wanted);
        }
        return statement.query(DeliveryLog::entry).list();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getString("event_id"), rs.getString("type"), rs.getString("subject_type"),
                rs.getString("subject_id"), rs.getString("subject_title"), rs.getString("destination_id"),
                rs.getString("project_key"), rs.getTimestamp("deleted_at") != null, rs.getString("client_key"),
                rs.getString("status"), rs.getString("outcome"), rs.getString("issue_key"), rs.getInt("attempts"),
                rs.getString("last_error"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("finished_at")),
                open(rs.getString("status")) ? instant(rs.getTimestamp("next_attempt_at")) : null);
    }

    private static boolean open(String status) {
        return "PENDING".equals(status) || "WAITING".equals(status);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
