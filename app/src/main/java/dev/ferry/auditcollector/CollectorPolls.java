package dev.ferry.auditcollector;

import dev.ferry.persistence.Columns;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The polling columns of {@code audit_collector}. A claim is a lease: the collector's next poll moves to the
 * lease's end, so other pollers leave it alone ({@code SKIP LOCKED} keeps them off it while claiming) and a poller
 * that dies frees it when the lease runs out. The lease's end is also the claim's fence: every later write names
 * it, so a poller that lost the collector (it stalled past its lease and another took over, or a person changed
 * the start date or filter, which clears the lease) changes nothing.
 */
@Component
class CollectorPolls {

    private static final String DUE = """
            select * from audit_collector where paused = false and next_poll_at <= ?
            order by next_poll_at, id
            limit 1
            for update skip locked""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CollectorPolls(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * The collector due first, now this poller's until its lease runs out; empty when none is due. The update
     * asks again that it be due, so two pollers that somehow read the same row cannot both take it.
     */
    Optional<PollClaim> claim(Duration lease) {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            Timestamp at = Timestamp.from(now);
            Timestamp until = Timestamp.from(Columns.fence(now.plus(lease)));
            Optional<AuditCollector> due = jdbc.sql(DUE).param(at).query(AuditCollector::read).optional();
            return due.filter(collector -> jdbc.sql("""
                    update audit_collector set lease_until = ?, next_poll_at = ?
                    where id = ? and next_poll_at <= ? and paused = false""")
                    .params(until, until, collector.id(), at).update() == 1)
                    .map(collector -> PollClaim.of(collector, until.toInstant()));
        });
    }

    /** Commits the window a poll reads before its first page, so a crash resumes the same window. */
    boolean open(PollClaim claim, Instant from, Instant to, Instant lease) {
        return jdbc.sql("""
                update audit_collector set window_from = ?, window_to = ?, window_offset = 0, lease_until = ?, next_poll_at = ?
                where id = ? and lease_until = ?""")
                .params(Timestamp.from(from), Timestamp.from(to), Timestamp.from(lease), Timestamp.from(lease), claim.id(),
                        Timestamp.from(claim.lease())).update() == 1;
    }

    /**
     * Moves the window's offset past a page read and renews the lease, in the transaction that stores the page;
     * false when the collector is no longer this poller's, or was paused (the caller rolls back: the page is read
     * again by the next poll).
     */
    boolean advance(PollClaim claim, int nextOffset, Instant newest, Instant lease) {
        Timestamp newestAt = Timestamp.from(newest);
        return jdbc.sql("""
                update audit_collector set window_offset = ?,
                    newest_record_at = case when newest_record_at is null or newest_record_at < ? then ? else newest_record_at end,
                    failure = null, last_error = null, attempts = 0, lease_until = ?, next_poll_at = ?
                where id = ? and lease_until = ? and paused = false""")
                .params(nextOffset, newestAt, newestAt, Timestamp.from(lease), Timestamp.from(lease), claim.id(),
                        Timestamp.from(claim.lease())).update() == 1;
    }

    /** Counts the records a page added; in the transaction whose {@link #advance} holds the row. */
    void counted(String collectorId, int added) {
        jdbc.sql("update audit_collector set records = records + ? where id = ?").params(added, collectorId).update();
    }

    /** The window is read to its end: the checkpoint moves to its end, and the next poll is due a poll interval on. */
    boolean finish(PollClaim claim, Instant nextPollAt) {
        return jdbc.sql("""
                update audit_collector set checkpoint = window_to, window_from = null, window_to = null, window_offset = 0,
                    last_poll_at = ?, failure = null, last_error = null, attempts = 0, next_poll_at = ?, lease_until = null
                where id = ? and lease_until = ?""")
                .params(Timestamp.from(clock.instant()), Timestamp.from(nextPollAt), claim.id(),
                        Timestamp.from(claim.lease())).update() == 1;
    }

    /** Nothing to read yet (a start date still ahead): polled, the checkpoint unmoved, due again at {@code nextPollAt}. */
    boolean rest(PollClaim claim, Instant nextPollAt) {
        return jdbc.sql("""
                update audit_collector set last_poll_at = ?, failure = null, last_error = null, attempts = 0,
                    next_poll_at = ?, lease_until = null
                where id = ? and lease_until = ?""")
                .params(Timestamp.from(clock.instant()), Timestamp.from(nextPollAt), claim.id(),
                        Timestamp.from(claim.lease())).update() == 1;
    }

    /** The poller's time slice is over: due now, behind every collector due before it, resuming at its offset. */
    boolean requeue(PollClaim claim) {
        return jdbc.sql("update audit_collector set next_poll_at = ?, lease_until = null where id = ? and lease_until = ?")
                .params(Timestamp.from(clock.instant()), claim.id(), Timestamp.from(claim.lease())).update() == 1;
    }

    /** The poll failed: the collector says why and waits until {@code nextPollAt}, its window and offset kept. */
    boolean fail(PollClaim claim, CollectorFailure failure, String words, int attempts, Instant nextPollAt) {
        return jdbc.sql("""
                update audit_collector set failure = ?, last_error = ?, last_error_at = ?, attempts = ?, next_poll_at = ?,
                    lease_until = null
                where id = ? and lease_until = ?""")
                .params(failure.name(), Columns.clip(words, 1024), Timestamp.from(clock.instant()), attempts,
                        Timestamp.from(nextPollAt), claim.id(), Timestamp.from(claim.lease())).update() == 1;
    }

    /**
     * Credentials of the connection were renewed: its failing collectors are due now. One a poller holds is left
     * to it (making it due would only let a second poller fence the first out).
     */
    int wake(String connectionId) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                update audit_collector set next_poll_at = ?
                where connection_id = ? and failure is not null and (lease_until is null or lease_until < ?)""")
                .params(now, connectionId, now).update();
    }

    /** The connection is gone: its collector says so and waits; a poller holding it loses its fence. */
    int connectionGone(String connectionId, String words, Instant nextPollAt) {
        return jdbc.sql("""
                update audit_collector set failure = ?, last_error = ?, last_error_at = ?, next_poll_at = ?, lease_until = null
                where connection_id = ?""")
                .params(CollectorFailure.CONNECTION_GONE.name(), Columns.clip(words, 1024), Timestamp.from(clock.instant()),
                        Timestamp.from(nextPollAt), connectionId).update();
    }
}
