package dev.ferry.ingest.job;

import dev.ferry.persistence.Columns;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code ingest_job} table. A claim is a lease: the job's next attempt moves past it, so other nodes leave
 * it alone ({@code SKIP LOCKED} keeps them off it while claiming), and a worker that dies frees it when the
 * lease runs out. The lease's end is also the claim's fence: every later write names it, so a worker that lost
 * its job (it stalled past the lease and another node took over) changes nothing.
 */
@Component
class JobStore {

    static final String OPEN = "('QUEUED', 'RUNNING', 'WAITING')";
    private static final String DUE = "select * from ingest_job where state in " + OPEN + """
             and next_attempt_at <= ?
            order by next_attempt_at, id
            limit ?
            for update skip locked""";

    private final JdbcClient jdbc;
    private final Clock clock;

    JobStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A new queued job. Throws {@code DuplicateKeyException} when the connection has an open job of that kind:
     * the caller's transaction should hold nothing else that must survive it.
     */
    IngestJob insert(String organizationId, String connectionId, JobKind kind, Instant from, Instant to,
            List<String> streams, String createdBy) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into ingest_job (id, organization_id, connection_id, kind, range_from, range_to, streams, state,
                    active_key, records, pages, cancel_requested, attempts, next_attempt_at, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, 0, 0, false, 0, ?, ?, ?)""")
                .params(id, organizationId, connectionId, kind.name(), Timestamp.from(from), Timestamp.from(to),
                        String.join(",", streams), kind.activeKey(connectionId), Timestamp.from(now),
                        Columns.clip(createdBy, 255), Timestamp.from(now)).update();
        return find(id).orElseThrow();
    }

    Optional<IngestJob> find(String id) {
        return jdbc.sql("select * from ingest_job where id = ?").param(id).query(IngestJob::read).optional();
    }

    /** The connection's open job of that kind, if any. */
    Optional<IngestJob> open(String connectionId, JobKind kind) {
        return jdbc.sql("select * from ingest_job where active_key = ?").param(kind.activeKey(connectionId))
                .query(IngestJob::read).optional();
    }

    List<IngestJob> recent(String connectionId, JobKind kind, int limit) {
        return jdbc.sql("select * from ingest_job where connection_id = ? and kind = ? order by created_at desc, id limit ?")
                .params(connectionId, kind.name(), limit).query(IngestJob::read).list();
    }

    /** Due jobs, each now this worker's until its lease runs out. */
    @Transactional
    List<IngestJob> claim(int batchSize, Duration lease) {
        Instant now = clock.instant();
        Instant until = Columns.fence(now.plus(lease));
        List<IngestJob> due = jdbc.sql(DUE).params(Timestamp.from(now), batchSize).query(IngestJob::read).list();
        for (IngestJob job : due) {
            jdbc.sql("""
                    update ingest_job set state = 'RUNNING', lease_until = ?, next_attempt_at = ?,
                        started_at = coalesce(started_at, ?) where id = ?""")
                    .params(Timestamp.from(until), Timestamp.from(until), Timestamp.from(now), job.id()).update();
        }
        return due.stream().map(job -> claimed(job, until)).toList();
    }

    private static IngestJob claimed(IngestJob job, Instant until) {
        return new IngestJob(job.id(), job.organizationId(), job.connectionId(), job.kind(), job.rangeFrom(),
                job.rangeTo(), job.streams(), JobState.RUNNING, job.currentStream(), job.cursor(), job.records(),
                job.pages(), job.reachedAt(), job.cancelRequested(), job.error(), job.attempts(), until, until,
                job.createdBy(), job.createdAt(), job.startedAt(), job.finishedAt());
    }

    /**
     * Records a committed page in the caller's transaction, and renews the lease to {@code lease}; false when the
     * job is no longer this worker's (the caller rolls back).
     */
    boolean advance(IngestJob job, IngestJob next) {
        return jdbc.sql("""
                update ingest_job set current_stream = ?, cursor = ?, records = ?, pages = ?, reached_at = ?, error = null,
                    attempts = 0, lease_until = ?, next_attempt_at = ?
                where id = ? and lease_until = ? and state = 'RUNNING'""")
                .params(next.currentStream(), next.cursor(), next.records(), next.pages(), timestamp(next.reachedAt()),
                        Timestamp.from(next.leaseUntil()), Timestamp.from(next.leaseUntil()), job.id(),
                        Timestamp.from(job.leaseUntil())).update() == 1;
    }

    /** Ends the job ({@code DONE}, {@code FAILED}, {@code CANCELLED}) and frees its connection for the next. */
    boolean finish(IngestJob job, JobState state, String error) {
        return jdbc.sql("""
                update ingest_job set state = ?, active_key = null, error = ?, lease_until = null, finished_at = ?
                where id = ? and lease_until = ?""")
                .params(state.name(), Columns.clip(error, 1024), Timestamp.from(clock.instant()), job.id(),
                        Timestamp.from(job.leaseUntil())).update() == 1;
    }

    /** The job waits until {@code when} (Jira, or a repair) and then resumes at the page it was on. */
    boolean waitUntil(IngestJob job, Instant when, int attempts, String error) {
        return jdbc.sql("""
                update ingest_job set state = 'WAITING', next_attempt_at = ?, attempts = ?, error = ?, lease_until = null
                where id = ? and lease_until = ?""")
                .params(Timestamp.from(when), attempts, Columns.clip(error, 1024), job.id(),
                        Timestamp.from(job.leaseUntil())).update() == 1;
    }

    /** The worker's time slice is over: the job is queued again, due now, behind every job due before it. */
    boolean requeue(IngestJob job) {
        return jdbc.sql("""
                update ingest_job set state = 'QUEUED', next_attempt_at = ?, lease_until = null
                where id = ? and lease_until = ? and state = 'RUNNING'""")
                .params(Timestamp.from(clock.instant()), job.id(), Timestamp.from(job.leaseUntil())).update() == 1;
    }

    /** Whether someone asked to cancel the job since it was claimed. */
    boolean cancelRequested(String id) {
        return jdbc.sql("select cancel_requested from ingest_job where id = ?").param(id).query(Boolean.class)
                .optional().orElse(true);
    }

    /**
     * Asks to cancel an open job: one not held by a worker ends now; a running one ends between two pages.
     * Answers the job as it is after.
     */
    @Transactional
    Optional<IngestJob> cancel(String id) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update ingest_job set cancel_requested = true where id = ? and state in " + OPEN).param(id).update();
        jdbc.sql("""
                update ingest_job set state = 'CANCELLED', active_key = null, finished_at = ?, lease_until = null
                where id = ? and state in ('QUEUED', 'WAITING')""").params(now, id).update();
        return find(id);
    }

    /** Credentials of the connection were renewed: its jobs waiting for anything are due now. */
    int wake(String connectionId) {
        return jdbc.sql("update ingest_job set next_attempt_at = ? where connection_id = ? and state = 'WAITING'")
                .params(Timestamp.from(clock.instant()), connectionId).update();
    }

    /** The connection is gone: its open jobs go with it (a worker holding one loses its fence). */
    int forget(String connectionId) {
        return jdbc.sql("delete from ingest_job where connection_id = ? and state in " + OPEN).param(connectionId).update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
