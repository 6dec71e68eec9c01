package dev.ferry.ingest.job;

import dev.ferry.persistence.Columns;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code ingest_checkpoint} table: per (connection, stream), how far the schedule has read (everything
 * before the watermark is stored), how many records the stream stored, and its last error. The watermark
 * moves only in the transaction that commits the stream's last page.
 */
@Component
class Checkpoints {

    /** A stream's checkpoint as the data sources page shows it. */
    record Checkpoint(String connectionId, String stream, Instant watermark, long records, Instant lastRunAt,
            String lastError, Instant lastErrorAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Checkpoints(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Makes sure each stream of the connection has its row, outside any page's transaction: two jobs of one
     * connection may race to insert it, and on PostgreSQL a failed insert spoils the transaction it is in.
     */
    void ensure(String organizationId, String connectionId, List<String> streams) {
        for (String stream : streams) {
            if (find(connectionId, stream).isEmpty()) {
                try {
                    jdbc.sql("""
                            insert into ingest_checkpoint (connection_id, stream, organization_id, records)
                            values (?, ?, ?, 0)""").params(connectionId, stream, organizationId).update();
                } catch (DuplicateKeyException raced) {
                    // the other job inserted it
                }
            }
        }
    }

    Optional<Checkpoint> find(String connectionId, String stream) {
        return jdbc.sql("select * from ingest_checkpoint where connection_id = ? and stream = ?")
                .params(connectionId, stream).query(this::read).optional();
    }

    List<Checkpoint> of(String connectionId) {
        return jdbc.sql("select * from ingest_checkpoint where connection_id = ? order by stream").param(connectionId)
                .query(this::read).list();
    }

    /** A page of the stream committed {@code added} new records (in the page's transaction). */
    void counted(String connectionId, String stream, long added) {
        jdbc.sql("""
                update ingest_checkpoint set records = records + ?, last_run_at = ?, last_error = null, last_error_at = null
                where connection_id = ? and stream = ?""")
                .params(added, Timestamp.from(clock.instant()), connectionId, stream).update();
    }

    /** The scheduled run read the stream to {@code watermark} (in the transaction of its last page). */
    void reached(String connectionId, String stream, Instant watermark) {
        jdbc.sql("update ingest_checkpoint set watermark = ? where connection_id = ? and stream = ?")
                .params(Timestamp.from(watermark), connectionId, stream).update();
    }

    void failed(String connectionId, String stream, String error) {
        jdbc.sql("update ingest_checkpoint set last_error = ?, last_error_at = ? where connection_id = ? and stream = ?")
                .params(Columns.clip(error, 1024), Timestamp.from(clock.instant()), connectionId, stream).update();
    }

    int forget(String connectionId) {
        return jdbc.sql("delete from ingest_checkpoint where connection_id = ?").param(connectionId).update();
    }

    private Checkpoint read(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Checkpoint(rs.getString("connection_id"), rs.getString("stream"), Columns.instant(rs, "watermark"),
                rs.getLong("records"), Columns.instant(rs, "last_run_at"), rs.getString("last_error"),
                Columns.instant(rs, "last_error_at"));
    }
}
