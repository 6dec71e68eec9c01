package dev.ferry.auditrecord;

import dev.ferry.persistence.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * An audit record as Ferry keeps it: its position (Ferry's order of arrival, what readers and sinks resume
 * from), the collector that read it, and the record as received.
 */
public record StoredRecord(long position, String collectorId, String organizationId, long recordId, Instant created,
        String category, String summary, String authorAccountId, String remoteAddress, String objectType,
        String objectId, String objectName, Instant receivedAt, String body) {

    public static StoredRecord read(ResultSet rs, int row) throws SQLException {
        return new StoredRecord(rs.getLong("position"), rs.getString("collector_id"), rs.getString("organization_id"),
                rs.getLong("record_id"), Columns.instant(rs, "created_at"), rs.getString("category"),
                rs.getString("summary"), rs.getString("author_account_id"), rs.getString("remote_address"),
                rs.getString("object_type"), rs.getString("object_id"), rs.getString("object_name"),
                Columns.instant(rs, "received_at"), rs.getString("body"));
    }
}
