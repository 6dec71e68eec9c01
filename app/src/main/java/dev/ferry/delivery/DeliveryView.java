package dev.ferry.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** A delivery as the API shows it. */
public record DeliveryView(long id, String destinationId, String site, String status, String outcome, String issueId,
        String issueKey, int attempts, String lastError, Instant createdAt, Instant finishedAt, Instant nextAttemptAt) {

    static DeliveryView from(ResultSet rs, int row) throws SQLException {
        return new DeliveryView(rs.getLong("id"), rs.getString("destination_id"), rs.getString("client_key"),
                rs.getString("status"), rs.getString("outcome"), rs.getString("issue_id"), rs.getString("issue_key"),
                rs.getInt("attempts"), rs.getString("last_error"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("finished_at")),
                "PENDING".equals(rs.getString("status")) || "WAITING".equals(rs.getString("status"))
                        ? instant(rs.getTimestamp("next_attempt_at")) : null);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
