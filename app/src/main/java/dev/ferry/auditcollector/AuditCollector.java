package dev.ferry.auditcollector;

import dev.ferry.persistence.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * A row of {@code audit_collector}: which connection is read for audit records and how often, and where its
 * polling stands.
 *
 * @param checkpoint   every record created before this has been read (null before the first full poll)
 * @param windowFrom   the poll in progress reads records created in [windowFrom, windowTo]; null between polls
 * @param windowOffset the offset of the poll's next page
 * @param failure      why the collector fails ({@link CollectorFailure}); null while it polls fine
 */
public record AuditCollector(String id, String organizationId, String connectionId, Duration pollInterval,
        Instant startFrom, String filter, boolean paused, Instant checkpoint, Instant windowFrom, Instant windowTo,
        int windowOffset, Instant nextPollAt, Instant leaseUntil, int attempts, CollectorFailure failure,
        String lastError, Instant lastErrorAt, Instant lastPollAt, Instant newestRecordAt, long records,
        String createdBy, Instant createdAt, Instant updatedAt) {

    /** What the console and the API call the collector's state. */
    public CollectorState state() {
        if (paused) {
            return CollectorState.PAUSED;
        }
        return failure == null ? CollectorState.RUNNING : CollectorState.FAILING;
    }

    /** How far behind now the collector has read everything: null before its first full poll. */
    public Duration lag(Instant now) {
        return checkpoint == null ? null : Duration.between(checkpoint, now).isNegative() ? Duration.ZERO
                : Duration.between(checkpoint, now);
    }

    public static AuditCollector read(ResultSet rs, int row) throws SQLException {
        String failure = rs.getString("failure");
        return new AuditCollector(rs.getString("id"), rs.getString("organization_id"), rs.getString("connection_id"),
                Duration.ofSeconds(rs.getInt("poll_seconds")), Columns.instant(rs, "start_from"),
                rs.getString("filter"), rs.getBoolean("paused"), Columns.instant(rs, "checkpoint"),
                Columns.instant(rs, "window_from"), Columns.instant(rs, "window_to"), rs.getInt("window_offset"),
                Columns.instant(rs, "next_poll_at"), Columns.instant(rs, "lease_until"), rs.getInt("attempts"),
                failure == null ? null : CollectorFailure.valueOf(failure), rs.getString("last_error"),
                Columns.instant(rs, "last_error_at"), Columns.instant(rs, "last_poll_at"),
                Columns.instant(rs, "newest_record_at"), rs.getLong("records"), rs.getString("created_by"),
                Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"));
    }
}
