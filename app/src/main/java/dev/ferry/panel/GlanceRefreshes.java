package dev.ferry.panel;

import dev.ferry.link.IssueLinksChanged;
import dev.ferry.persistence.NewWork;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The durable list of issues whose glance badge must be set again. A request is written in the same
 * transaction as the link change, so a crash can lose neither; many changes to one issue make one row. The commit
 * wakes this node's worker: a person who just linked a ticket looks for its badge.
 */
@Component
class GlanceRefreshes {

    private final JdbcClient jdbc;
    private final GlanceBadges badges;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GlanceRefreshes(JdbcClient jdbc, GlanceBadges badges, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.badges = badges;
        this.events = events;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(IssueLinksChanged change) {
        if (badges.isFiledWithBadge(change)) {
            return; // a ticket just filed carries its badge from the create call
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                update glance_refresh set requested_at = ?, attempts = 0, next_attempt_at = ?
                where client_key = ? and issue_id = ?""").params(now, now, change.clientKey(), change.issueId()).update();
        if (updated == 0) {
            try {
                jdbc.sql("""
                        insert into glance_refresh (client_key, issue_id, requested_at, attempts, next_attempt_at)
                        values (?, ?, ?, 0, ?)""").params(change.clientKey(), change.issueId(), now, now).update();
            } catch (DuplicateKeyException concurrentRequest) {
                // Another transaction asked for the same issue: its row does the job.
            }
        }
        events.publishEvent(new NewWork(GlanceBadgeWorker.class));
    }

    @Transactional
    List<Request> claim(int batchSize, Duration lease) {
        Instant now = clock.instant();
        List<Request> due = jdbc.sql("""
                select client_key, issue_id, requested_at, attempts from glance_refresh
                where next_attempt_at <= ? order by next_attempt_at limit ? for update skip locked""")
                .params(Timestamp.from(now), batchSize)
                .query((rs, row) -> new Request(rs.getString(1), rs.getString(2), rs.getTimestamp(3), rs.getInt(4) + 1))
                .list();
        due.forEach(request -> jdbc.sql("""
                update glance_refresh set attempts = attempts + 1, next_attempt_at = ?
                where client_key = ? and issue_id = ?""")
                .params(Timestamp.from(now.plus(lease)), request.clientKey(), request.issueId()).update());
        return due;
    }

    /** Done, unless links changed again meanwhile: then the newer request stays for another round. */
    void done(Request request) {
        jdbc.sql("delete from glance_refresh where client_key = ? and issue_id = ? and requested_at = ?")
                .params(request.clientKey(), request.issueId(), request.requestedAt()).update();
    }

    void retryLater(Request request, Duration delay) {
        jdbc.sql("update glance_refresh set next_attempt_at = ? where client_key = ? and issue_id = ? and requested_at = ?")
                .params(Timestamp.from(clock.instant().plus(delay)), request.clientKey(), request.issueId(),
                        request.requestedAt()).update();
    }

    /** One issue's pending badge update. */
    record Request(String clientKey, String issueId, Timestamp requestedAt, int attempts) {
    }
}
