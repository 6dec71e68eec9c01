package dev.ferry.callback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * A message as people see it: what was sent, how often, and the endpoint's last answer (clipped).
 *
 * @param status PENDING, DELIVERED or FAILED
 */
record MessageView(long id, String webhookId, String endpointId, String type, String status, int attempts,
        Integer lastHttpStatus, String lastAnswer, String lastError, Instant createdAt, Instant lastAttemptAt,
        Instant nextAttemptAt, Instant finishedAt) {

    static final String COLUMNS = """
            id, webhook_id, endpoint_id, event_type, status, attempts, last_http_status, last_answer, last_error,
            created_at, last_attempt_at, next_attempt_at, finished_at""";

    static MessageView from(ResultSet rs, int row) throws SQLException {
        int read = rs.getInt("last_http_status");
        Integer http = rs.wasNull() ? null : read;
        return new MessageView(rs.getLong("id"), rs.getString("webhook_id"), rs.getString("endpoint_id"),
                rs.getString("event_type"), rs.getString("status"), rs.getInt("attempts"), http,
                rs.getString("last_answer"), rs.getString("last_error"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("last_attempt_at")),
                "PENDING".equals(rs.getString("status")) ? instant(rs.getTimestamp("next_attempt_at")) : null,
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
