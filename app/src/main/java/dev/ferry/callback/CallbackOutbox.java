package dev.ferry.callback;

import dev.ferry.persistence.Columns;
import dev.ferry.persistence.NewWork;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The callback outbox. A claim is a lease (the message's next attempt moves past it, so a dead worker's messages
 * come back) and {@code SKIP LOCKED} keeps nodes off each other's rows. A message waits while an older one of the
 * same endpoint and object is still pending (being sent or backing off), so an endpoint hears of an object in order.
 * A message written or sent again wakes this node's worker once it commits.
 */
@Component
class CallbackOutbox {

    private static final String DUE = """
            select m.id, m.webhook_id, m.endpoint_id, m.event_type, m.body, m.attempts, m.window_from
            from callback_message m
            where m.status = 'PENDING' and m.next_attempt_at <= ?
              and exists (select 1 from callback_endpoint e where e.id = m.endpoint_id and e.enabled = true)
              and not exists (select 1 from callback_message o where o.endpoint_id = m.endpoint_id
                  and o.order_key = m.order_key and o.id < m.id and o.status = 'PENDING')
            order by m.next_attempt_at, m.id
            limit ?
            for update skip locked""";

    private static final NewWork NEW_WORK = new NewWork(CallbackWorker.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CallbackOutbox(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Written in the caller's transaction: the message commits with the change it tells of. */
    long enqueue(CallbackEndpoint endpoint, String webhookId, String type, String orderKey, String body) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into callback_message (webhook_id, endpoint_id, organization_id, event_type, order_key, body,
                    status, attempts, next_attempt_at, created_at, window_from)
                values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)""")
                .params(webhookId, endpoint.id(), endpoint.organizationId(), type, orderKey, body, now, now, now)
                .update();
        events.publishEvent(NEW_WORK);
        return jdbc.sql("select id from callback_message where webhook_id = ?").param(webhookId).query(Long.class)
                .single();
    }

    @Transactional
    List<CallbackMessage> claim(int batchSize, Duration lease) {
        Instant now = clock.instant();
        List<CallbackMessage> due = jdbc.sql(DUE).params(Timestamp.from(now), batchSize)
                .query((rs, row) -> new CallbackMessage(rs.getLong("id"), rs.getString("webhook_id"),
                        rs.getString("endpoint_id"), rs.getString("event_type"), rs.getString("body"),
                        rs.getInt("attempts") + 1, rs.getTimestamp("window_from").toInstant()))
                .list();
        Timestamp until = Timestamp.from(now.plus(lease));
        for (CallbackMessage message : due) {
            jdbc.sql("update callback_message set attempts = attempts + 1, next_attempt_at = ?, claimed_until = ? where id = ?")
                    .params(until, until, message.id()).update();
        }
        return due;
    }

    /** Renews the lease as the worker starts on a message: false when the claim is no longer this worker's. */
    boolean begin(CallbackMessage message, Duration lease) {
        Timestamp until = Timestamp.from(clock.instant().plus(lease));
        return jdbc.sql("""
                update callback_message set claimed_until = ?, next_attempt_at = ?
                where id = ? and attempts = ? and status = 'PENDING'""")
                .params(until, until, message.id(), message.attempts()).update() == 1;
    }

    /** What an attempt got; {@code next} null ends the message as {@code status}, else it is due again then. */
    void attempted(CallbackMessage message, String status, Integer httpStatus, String answer, String error,
            Instant next) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update callback_message set status = ?, last_http_status = ?, last_answer = ?, last_error = ?,
                    last_attempt_at = ?, claimed_until = null, next_attempt_at = ?, finished_at = ?
                where id = ? and attempts = ?""")
                .params(status, httpStatus, Columns.clip(answer, 1000), Columns.clip(error, 1000), now, next == null ? now : Timestamp.from(next),
                        next == null ? now : null, message.id(), message.attempts())
                .update();
    }

    /**
     * A person's "send again": a failed or pending message (not one a worker holds now) is due at once, with a new
     * retry window. Answers the message's status afterwards, or empty when the organization has no such message.
     */
    @Transactional
    Optional<String> retry(String organizationId, long id) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update callback_message set status = 'PENDING', next_attempt_at = ?, window_from = ?, finished_at = null
                where id = ? and organization_id = ? and status in ('PENDING', 'FAILED')
                  and (claimed_until is null or claimed_until <= ?)""")
                .params(now, now, id, organizationId, now).update();
        events.publishEvent(NEW_WORK);
        return jdbc.sql("select status from callback_message where id = ? and organization_id = ?")
                .params(id, organizationId).query(String.class).optional();
    }

    Optional<MessageView> find(String organizationId, long id) {
        return jdbc.sql("select " + MessageView.COLUMNS + " from callback_message where id = ? and organization_id = ?")
                .params(id, organizationId).query(MessageView::from).optional();
    }

    /** An endpoint's newest messages first. */
    List<MessageView> recent(String endpointId, int limit) {
        return jdbc.sql("select " + MessageView.COLUMNS + " from callback_message where endpoint_id = ? order by id desc limit ?")
                .params(endpointId, limit).query(MessageView::from).list();
    }
}
