package dev.ferry.objectstate;

import dev.ferry.persistence.Columns;
import dev.ferry.persistence.NewWork;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import dev.ferry.sitelink.CredentialsRenewed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The comments waiting to be written, leased as {@code delivery.Outbox} leases deliveries: a claim moves the
 * row's next attempt past the lease (a dead worker's rows come back), {@code SKIP LOCKED} keeps nodes apart,
 * and every later write is fenced by the claim count, so a worker whose lease ran out writes nothing. A ticket
 * takes its comments in the order of the changes: a row waits while an earlier one for the same link is open.
 */
@Component
class CommentOutbox {

    private static final String DUE = """
            select id, change_id, link_id, organization_id, client_key, issue_id, issue_key, attempts, write_attempted_at
            from object_change_comment c
            where status in ('PENDING', 'WAITING') and next_attempt_at <= ?
              and not exists (select 1 from object_change_comment earlier where earlier.link_id = c.link_id
                  and earlier.id < c.id and earlier.status in ('PENDING', 'WAITING'))
            order by next_attempt_at, id
            limit ?
            for update skip locked""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentOutbox(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    List<ClaimedComment> claim(int batchSize, Duration lease) {
        Instant now = clock.instant();
        List<ClaimedComment> due = jdbc.sql(DUE).params(Timestamp.from(now), batchSize).query(CommentOutbox::claimed).list();
        Timestamp until = Timestamp.from(now.plus(lease));
        due.forEach(row -> jdbc.sql("""
                update object_change_comment set attempts = attempts + 1, next_attempt_at = ?, claimed_until = ?
                where id = ?""").params(until, until, row.id()).update());
        return due;
    }

    /** The worker starts on a row of its batch: true, with the lease renewed, while the claim is still its own. */
    boolean begin(ClaimedComment row, Duration lease) {
        Timestamp until = Timestamp.from(clock.instant().plus(lease));
        return jdbc.sql("""
                update object_change_comment set claimed_until = ?, next_attempt_at = ?
                where id = ? and attempts = ? and status in ('PENDING', 'WAITING')""")
                .params(until, until, row.id(), row.attempts()).update() == 1;
    }

    /** Written before the comment call: from here on, a retry looks in Jira for the comment before writing it. */
    void writeAttempted(ClaimedComment row) {
        owned(row, jdbc.sql("update object_change_comment set write_attempted_at = ? where id = ? and attempts = ?")
                .params(Timestamp.from(clock.instant()), row.id(), row.attempts()).update());
    }

    /** The comment is on the ticket (written now, or found from an earlier attempt). */
    void done(ClaimedComment row, String commentId) {
        owned(row, jdbc.sql("""
                update object_change_comment set status = 'DONE', comment_id = ?, finished_at = ?, claimed_until = null,
                    last_error = null
                where id = ? and attempts = ?""").params(commentId, Timestamp.from(clock.instant()), row.id(),
                row.attempts()).update());
    }

    /** Final: {@code FAILED} (the ticket is gone, Jira refuses) or {@code SKIPPED} (the ticket or site was unlinked). */
    void finish(ClaimedComment row, String status, String reason) {
        owned(row, jdbc.sql("""
                update object_change_comment set status = ?, finished_at = ?, claimed_until = null, last_error = ?
                where id = ? and attempts = ?""").params(status, Timestamp.from(clock.instant()), Columns.clip(reason, 4000), row.id(),
                row.attempts()).update());
    }

    /** Try again at {@code when}; {@code WAITING} says the site's credentials must be renewed first. */
    void reschedule(ClaimedComment row, String status, Instant when, String reason) {
        owned(row, jdbc.sql("""
                update object_change_comment set status = ?, next_attempt_at = ?, claimed_until = null, last_error = ?
                where id = ? and attempts = ?""").params(status, Timestamp.from(when), Columns.clip(reason, 4000), row.id(),
                row.attempts()).update());
    }

    /** The change a row writes. */
    ObjectChange change(long changeId) {
        return jdbc.sql("select * from object_change where id = ?").param(changeId).query(StateHistory::change).single();
    }

    /** A site's credentials were renewed (same transaction): its parked comments are due now, on this node at once. */
    @EventListener
    void on(CredentialsRenewed renewed) {
        wakeSite(renewed.clientKey());
    }

    int wakeSite(String clientKey) {
        int woken = jdbc.sql("""
                update object_change_comment set status = 'PENDING', next_attempt_at = ?
                where client_key = ? and status = 'WAITING'""").params(Timestamp.from(clock.instant()), clientKey).update();
        if (woken > 0) {
            events.publishEvent(new NewWork(ObjectStateWorker.class));
        }
        return woken;
    }

    private static void owned(ClaimedComment row, int updated) {
        if (updated != 1) {
            throw new LeaseLost(row);
        }
    }

    private static ClaimedComment claimed(ResultSet rs, int row) throws SQLException {
        Timestamp attempted = rs.getTimestamp("write_attempted_at");
        return new ClaimedComment(rs.getLong("id"), rs.getLong("change_id"), rs.getLong("link_id"),
                rs.getString("organization_id"), rs.getString("client_key"), rs.getString("issue_id"),
                rs.getString("issue_key"), rs.getInt("attempts") + 1, attempted == null ? null : attempted.toInstant());
    }


    /** Another worker claimed the row after this one's lease ran out: what this one was about to write is not its own. */
    static final class LeaseLost extends RuntimeException {

        LeaseLost(ClaimedComment row) {
            super("object comment " + row.id() + " was claimed again after claim " + row.attempts() + " ran out");
        }
    }
}
