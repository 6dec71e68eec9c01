package dev.ferry.webhook;

import dev.ferry.persistence.Columns;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims due deliveries and records how they ended. A claim is a lease: the row's next attempt moves
 * past the lease, so other nodes skip it (and {@code SKIP LOCKED} keeps them off it while claiming),
 * and a worker that dies mid-way frees it when the lease runs out.
 */
@Component
class InboxQueue {

    private static final String DUE = """
            select id, client_key, webhook_id, event, body, attempts, received_at from webhook_delivery
            where status = 'PENDING' and next_attempt_at <= ?
            order by next_attempt_at, id
            limit ?
            for update skip locked""";

    private final JdbcClient jdbc;
    private final Clock clock;

    InboxQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    List<StoredDelivery> claim(int batchSize, Duration lease) {
        Instant now = clock.instant();
        List<StoredDelivery> due = jdbc.sql(DUE).params(Timestamp.from(now), batchSize)
                .query((rs, row) -> new StoredDelivery(rs.getLong("id"), rs.getString("client_key"),
                        rs.getString("webhook_id"), rs.getString("event"), rs.getString("body"), rs.getInt("attempts") + 1,
                        rs.getTimestamp("received_at").toInstant()))
                .list();
        for (StoredDelivery delivery : due) {
            jdbc.sql("update webhook_delivery set attempts = attempts + 1, next_attempt_at = ? where id = ?")
                    .params(Timestamp.from(now.plus(lease)), delivery.id()).update();
        }
        return due;
    }

    /** How processing a delivery ended: a final status, or another attempt after {@code retryIn}. */
    record Outcome(StoredDelivery delivery, DeliveryStatus status, String text, Duration retryIn) {

        static Outcome finished(StoredDelivery delivery, DeliveryStatus status, String text) {
            return new Outcome(delivery, status, text, null);
        }

        static Outcome retry(StoredDelivery delivery, Duration retryIn, String error) {
            return new Outcome(delivery, null, error, retryIn);
        }
    }

    /** Records outcomes in one transaction: one commit for a whole batch. */
    @Transactional
    void record(List<Outcome> outcomes) {
        for (Outcome outcome : outcomes) {
            if (outcome.status() == null) {
                retryLater(outcome.delivery(), outcome.retryIn(), outcome.text());
            } else {
                finish(outcome.delivery(), outcome.status(), outcome.text());
            }
        }
    }

    void finish(StoredDelivery delivery, DeliveryStatus status, String outcome) {
        jdbc.sql("update webhook_delivery set status = ?, processed_at = ?, outcome = ? where id = ?")
                .params(status.name(), Timestamp.from(clock.instant()), Columns.clip(outcome, 1000), delivery.id()).update();
    }

    void retryLater(StoredDelivery delivery, Duration delay, String error) {
        jdbc.sql("update webhook_delivery set next_attempt_at = ?, outcome = ? where id = ?")
                .params(Timestamp.from(clock.instant().plus(delay)), Columns.clip(error, 1000), delivery.id()).update();
    }

    int pruneFinishedBefore(Instant cutoff) {
        return jdbc.sql("delete from webhook_delivery where status <> 'PENDING' and processed_at < ?")
                .param(Timestamp.from(cutoff)).update();
    }
}
