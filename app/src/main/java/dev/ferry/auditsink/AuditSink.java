package dev.ferry.auditsink;

import dev.ferry.crypto.Sealed;
import dev.ferry.persistence.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A row of {@code audit_sink}: where a collector's records go, and how far they went.
 *
 * @param headerNames the names of the headers sent with every post, in clear, to show
 * @param headers     the headers (names and values) as one sealed JSON object; null when there are none
 * @param position    the last record the sink accepted: the next post starts after it
 * @param attempts    failed posts in a row; 0 while the sink accepts
 * @param leaseUntil  the claim's lease and fence while a worker sends; null otherwise
 */
record AuditSink(String collectorId, String organizationId, String url, List<String> headerNames, Sealed headers,
        int batchSize, boolean enabled, long position, Instant nextAttemptAt, Instant leaseUntil, int attempts,
        long sent, Instant lastSentAt, Integer lastHttpStatus, String lastAnswer, String lastError,
        Instant lastErrorAt, String updatedBy, Instant updatedAt) {

    /** Failing while its last post failed: it is sent again, the same batch, after a back-off. */
    boolean failing() {
        return attempts > 0;
    }

    /** The same sink, now this worker's until {@code until}. */
    AuditSink leased(Instant until) {
        return new AuditSink(collectorId, organizationId, url, headerNames, headers, batchSize, enabled, position,
                until, until, attempts, sent, lastSentAt, lastHttpStatus, lastAnswer, lastError, lastErrorAt,
                updatedBy, updatedAt);
    }

    /** The sink after it accepted {@code count} records up to {@code last}, its lease renewed to {@code until}. */
    AuditSink accepted(long last, int count, Instant until) {
        return new AuditSink(collectorId, organizationId, url, headerNames, headers, batchSize, enabled, last, until,
                until, 0, sent + count, lastSentAt, lastHttpStatus, lastAnswer, null, lastErrorAt, updatedBy, updatedAt);
    }

    static AuditSink read(ResultSet rs, int row) throws SQLException {
        String names = rs.getString("header_names");
        String keyId = rs.getString("headers_key_id");
        int status = rs.getInt("last_http_status");
        Integer lastHttpStatus = rs.wasNull() ? null : status;
        return new AuditSink(rs.getString("collector_id"), rs.getString("organization_id"), rs.getString("url"),
                names == null || names.isEmpty() ? List.of() : Arrays.asList(names.split(",")),
                keyId == null ? null : new Sealed(keyId, rs.getString("headers_ciphertext")), rs.getInt("batch_size"),
                rs.getBoolean("enabled"), rs.getLong("position"), Columns.instant(rs, "next_attempt_at"),
                Columns.instant(rs, "lease_until"), rs.getInt("attempts"), rs.getLong("sent"),
                Columns.instant(rs, "last_sent_at"), lastHttpStatus, rs.getString("last_answer"),
                rs.getString("last_error"), Columns.instant(rs, "last_error_at"), rs.getString("updated_by"),
                Columns.instant(rs, "updated_at"));
    }
}
