package dev.ferry.ingest.job;

import dev.ferry.persistence.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A row of {@code ingest_job}: a run over a time range, stream after stream, and where it stands.
 *
 * @param currentStream the stream being read; null before the first page and after the last
 * @param cursor        the current stream's cursor after the last committed page; null at the stream's start
 * @param leaseUntil    the claim's fence: every write of the worker holding the job names it
 */
record IngestJob(String id, String organizationId, String connectionId, JobKind kind, Instant rangeFrom,
        Instant rangeTo, List<String> streams, JobState state, String currentStream, String cursor, long records,
        long pages, Instant reachedAt, boolean cancelRequested, String error, int attempts, Instant nextAttemptAt,
        Instant leaseUntil, String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt) {

    static IngestJob read(ResultSet rs, int row) throws SQLException {
        return new IngestJob(rs.getString("id"), rs.getString("organization_id"), rs.getString("connection_id"),
                JobKind.valueOf(rs.getString("kind")), Columns.instant(rs, "range_from"), Columns.instant(rs, "range_to"),
                Arrays.asList(rs.getString("streams").split(",")), JobState.valueOf(rs.getString("state")),
                rs.getString("current_stream"), rs.getString("cursor"), rs.getLong("records"), rs.getLong("pages"),
                Columns.instant(rs, "reached_at"), rs.getBoolean("cancel_requested"), rs.getString("error"),
                rs.getInt("attempts"), Columns.instant(rs, "next_attempt_at"), Columns.instant(rs, "lease_until"),
                rs.getString("created_by"), Columns.instant(rs, "created_at"), Columns.instant(rs, "started_at"),
                Columns.instant(rs, "finished_at"));
    }

    /** The stream to read now: the current one, or the first when the job has not read a page yet. */
    String stream() {
        return currentStream != null ? currentStream : streams.get(0);
    }

    /** The stream after the current one; null when it is the last. */
    String nextStream() {
        int at = streams.indexOf(stream());
        return at + 1 < streams.size() ? streams.get(at + 1) : null;
    }

    /**
     * How far the job is, 0–100, by time: the streams done, and the current stream's reached date within the
     * range (a stream that cannot say counts from its start).
     */
    int progress() {
        if (state == JobState.DONE) {
            return 100;
        }
        if (currentStream == null) {
            return 0;
        }
        double span = Math.max(1, rangeTo.toEpochMilli() - rangeFrom.toEpochMilli());
        double within = reachedAt == null ? 0 : Math.min(1, Math.max(0, (reachedAt.toEpochMilli() - rangeFrom.toEpochMilli()) / span));
        double done = (streams.indexOf(currentStream) + within) / streams.size();
        return (int) Math.min(99, Math.floor(done * 100));
    }

    /** The same job after its worker committed a page: what the next page starts from. */
    IngestJob after(String stream, String nextCursor, long added, Instant reached, Instant lease) {
        return new IngestJob(id, organizationId, connectionId, kind, rangeFrom, rangeTo, streams, state, stream,
                nextCursor, records + added, pages + 1, reached, cancelRequested, null, 0, nextAttemptAt, lease,
                createdBy, createdAt, startedAt, finishedAt);
    }
}
