package dev.ferry.webhook;

import dev.ferry.persistence.Columns;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims due deliveries and records how they ended. A claim is a lease: the row's next attempt moves
 * past the lease, so other nodes skip it (and {@code SKIP LOCKED} keeps them off it while claiming),
 * and a worker that dies mid-way frees it when the lease runs out. A batch's row updates go to the database as
 * one JDBC batch, and a worker records one batch's outcomes in the transaction that claims its next batch, so a
 * busy worker commits once per batch.
 */
@Component
class InboxQueue {

    /**
     * The first due deliveries, read without locks in the order of the index {@code (status, next_attempt_at)}, so the
     * database walks the index and stops at the limit however long the backlog is.
     * With {@code FOR UPDATE} on H2 it read and sorted every due row on every claim: a backlog of 358,000 deliveries
     * drained at about 30 a second.
     */
    static final String DUE_IN_ORDER = """
            select id from webhook_delivery
            where status = 'PENDING' and next_attempt_at <= ?
            order by status, next_attempt_at
            limit ?""";

    /** Of those candidates, the ones still due, locked; another worker's are skipped. */
    private static final String LOCK_DUE = """
            select id, client_key, webhook_id, event, body, attempts, received_at from webhook_delivery
            where id in (:ids) and status = 'PENDING' and next_attempt_at <= :now
            order by next_attempt_at, id
            limit :limit
            for update skip locked""";

    private static final String LEASE = "update webhook_delivery set attempts = attempts + 1, next_attempt_at = ? where id = ?";
    private static final String FINISH = "update webhook_delivery set status = ?, processed_at = ?, outcome = ? where id = ?";
    private static final String RETRY = "update webhook_delivery set next_attempt_at = ?, outcome = ? where id = ?";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;

    InboxQueue(JdbcClient jdbc, JdbcTemplate batches, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
    }

    /**
     * Claims up to {@code batchSize} due deliveries for {@code lease}. Twice the batch is read as candidates, so those
     * another worker locks meanwhile still leave a full batch.
     */
    @Transactional
    List<StoredDelivery> claim(int batchSize, Duration lease) {
        Instant now = clock.instant();
        Timestamp dueBy = Timestamp.from(now);
        List<Long> candidates = jdbc.sql(DUE_IN_ORDER).params(dueBy, 2 * batchSize).query(Long.class).list();
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<StoredDelivery> due = jdbc.sql(LOCK_DUE).param("ids", candidates).param("now", dueBy)
                .param("limit", batchSize)
                .query((rs, row) -> new StoredDelivery(rs.getLong("id"), rs.getString("client_key"),
                        rs.getString("webhook_id"), rs.getString("event"), rs.getString("body"), rs.getInt("attempts") + 1,
                        rs.getTimestamp("received_at").toInstant()))
                .list();
        Timestamp until = Timestamp.from(now.plus(lease));
        update(LEASE, due.stream().map(delivery -> new Object[] {until, delivery.id()}).toList());
        return due;
    }

    /**
     * Records the outcomes of the batch just worked and claims the next one, in one transaction: one commit per
     * batch instead of two. Should the node die before the next commit, the outcomes are lost with it and their
     * deliveries are processed again after their lease, as they would be had it died before recording them.
     */
    @Transactional
    List<StoredDelivery> recordAndClaim(List<Outcome> outcomes, int batchSize, Duration lease) {
        record(outcomes);
        return claim(batchSize, lease);
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
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> finished = new ArrayList<>(outcomes.size());
        List<Object[]> retries = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            String text = Columns.clip(outcome.text(), 1000);
            if (outcome.status() == null) {
                retries.add(new Object[] {Timestamp.from(now.toInstant().plus(outcome.retryIn())), text, outcome.delivery().id()});
            } else {
                finished.add(new Object[] {outcome.status().name(), now, text, outcome.delivery().id()});
            }
        }
        update(FINISH, finished);
        update(RETRY, retries);
    }

    private void update(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batches.batchUpdate(sql, rows);
        }
    }

    void finish(StoredDelivery delivery, DeliveryStatus status, String outcome) {
        jdbc.sql(FINISH).params(status.name(), Timestamp.from(clock.instant()), Columns.clip(outcome, 1000), delivery.id()).update();
    }

    void retryLater(StoredDelivery delivery, Duration delay, String error) {
        jdbc.sql(RETRY).params(Timestamp.from(clock.instant().plus(delay)), Columns.clip(error, 1000), delivery.id()).update();
    }

    int pruneFinishedBefore(Instant cutoff) {
        return jdbc.sql("delete from webhook_delivery where status <> 'PENDING' and processed_at < ?")
                .param(Timestamp.from(cutoff)).update();
    }
}
