package dev.ferry.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deliveries written straight into the outbox, in whatever state a test needs, with their event and destination. */
record OutboxRows(JdbcClient jdbc, String organizationId, String destinationId) {

    /** An organization's destination on {@code clientKey}, project FERRY, with no rules. */
    static OutboxRows destination(JdbcClient jdbc, String organizationId, String clientKey) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into destination (id, version, organization_id, client_key, project_key, state, created_at, updated_at)
                values (?, 1, ?, ?, 'FERRY', 'ACTIVE', ?, ?)""").params(id, organizationId, clientKey, now, now).update();
        return new OutboxRows(jdbc, organizationId, id);
    }

    /** A delivery of a new event with these variables (as stored JSON), in {@code status}. */
    long delivery(String status, String variablesJson, Instant nextAttemptAt, String lastError) {
        return delivery(status, variablesJson, nextAttemptAt, lastError, null);
    }

    /** A due pending delivery in the lane {@code dedupKey}. */
    long inLane(String dedupKey) {
        return delivery("PENDING", "{}", Instant.now().minusSeconds(1), null, dedupKey);
    }

    private long delivery(String status, String variablesJson, Instant nextAttemptAt, String lastError, String dedupKey) {
        String eventId = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into product_event (id, organization_id, type, subject_type, subject_id, subject_title, variables,
                    occurred_at, received_at) values (?, ?, 'experiment.guardrail_breached', 'experiment', 'exp-1', 'Checkout', ?, ?, ?)""")
                .params(eventId, organizationId, variablesJson, now, now).update();
        jdbc.sql("""
                insert into ticket_delivery (event_id, destination_id, organization_id, client_key, dedup_key, status,
                    attempts, next_attempt_at, created_at, last_error, finished_at)
                values (?, ?, ?, 'site-1', ?, ?, 1, ?, ?, ?, ?)""")
                .params(eventId, destinationId, organizationId, dedupKey == null ? "dedup-" + eventId : dedupKey, status, Timestamp.from(nextAttemptAt), now,
                        lastError, status.equals("DONE") || status.equals("FAILED") || status.equals("SKIPPED") ? now : null)
                .update();
        return jdbc.sql("select id from ticket_delivery where event_id = ?").param(eventId).query(Long.class).single();
    }

    long delivery(String status, Instant nextAttemptAt) {
        return delivery(status, "{}", nextAttemptAt, null);
    }

    String status(long id) {
        return jdbc.sql("select status from ticket_delivery where id = ?").param(id).query(String.class).single();
    }

    Instant nextAttemptAt(long id) {
        return jdbc.sql("select next_attempt_at from ticket_delivery where id = ?").param(id).query(Timestamp.class)
                .single().toInstant();
    }

    String lastError(long id) {
        return jdbc.sql("select last_error from ticket_delivery where id = ?").param(id).query(String.class).single();
    }

    void claimedUntil(long id, Instant until) {
        jdbc.sql("update ticket_delivery set claimed_until = ? where id = ?").params(Timestamp.from(until), id).update();
    }

    boolean writeMarked(long id) {
        return jdbc.sql("select count(*) from ticket_delivery where id = ? and write_attempted_at is not null").param(id)
                .query(Integer.class).single() == 1;
    }
}
