package dev.ferry.ingest.job;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A job as the API shows it.
 *
 * @param kind      {@code fetch} or {@code scheduled}
 * @param state     {@code queued}, {@code running}, {@code waiting} (for Jira or for repaired credentials: the
 *                  error says which and what to do), {@code done}, {@code failed}, {@code cancelled}
 * @param reachedAt how far in time the current stream has read
 * @param progress  0–100, by time: the streams done and the current one's reached date within the range
 */
public record JobView(String id, String connection, String kind, String state, Instant from, Instant to,
        List<String> streams, String currentStream, long records, long pages, Instant reachedAt, int progress,
        String error, boolean cancelRequested, Instant nextAttemptAt, String createdBy, Instant createdAt,
        Instant startedAt, Instant finishedAt) {

    static JobView of(IngestJob job) {
        String state = job.state().name().toLowerCase(Locale.ROOT);
        return new JobView(job.id(), job.connectionId(), job.kind().name().toLowerCase(Locale.ROOT), state,
                job.rangeFrom(), job.rangeTo(), job.streams(), job.currentStream(), job.records(), job.pages(),
                job.reachedAt(), job.progress(), job.error(), job.cancelRequested(),
                job.state() == JobState.WAITING ? job.nextAttemptAt() : null, job.createdBy(), job.createdAt(),
                job.startedAt(), job.finishedAt());
    }

    /** Whether the job may still change (queued, running or waiting). */
    public boolean open() {
        return "queued".equals(state) || "running".equals(state) || "waiting".equals(state);
    }
}
