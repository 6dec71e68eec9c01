package dev.ferry.metrics;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Ingest checkpoints as the schedules and collectors leave them, written straight to the database. */
final class IngestCheckpoints {

    private final JdbcClient jdbc;
    private final String organizationId;

    IngestCheckpoints(JdbcClient jdbc, String organizationId) {
        this.jdbc = jdbc;
        this.organizationId = organizationId;
    }

    /** A connection's activity schedule, read up to {@code watermark} on {@code stream}. */
    void activity(String connection, String stream, Instant watermark, boolean paused) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into ingest_schedule (connection_id, organization_id, every_minutes, paused, next_run_at, updated_at,
                    updated_by) values (?, ?, 15, ?, ?, ?, 'test')""")
                .params(connection, organizationId, paused, now, now).update();
        jdbc.sql("""
                insert into ingest_checkpoint (connection_id, stream, organization_id, watermark, records)
                values (?, ?, ?, ?, 0)""").params(connection, stream, organizationId, Timestamp.from(watermark)).update();
    }

    /** A connection's audit collector, its checkpoint at {@code checkpoint}. */
    void audit(String connection, Instant checkpoint) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into audit_collector (id, organization_id, connection_id, poll_seconds, paused, checkpoint,
                    window_offset, next_poll_at, attempts, records, created_by, created_at, updated_at)
                values (?, ?, ?, 60, false, ?, 0, ?, 0, 0, 'test', ?, ?)""")
                .params("collector-" + connection, organizationId, connection, Timestamp.from(checkpoint), now, now, now)
                .update();
    }
}
