package dev.ferry.delivery;

import dev.ferry.metrics.FerryMeters;
import dev.ferry.persistence.Columns;
import dev.ferry.destination.Destination;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ticket outbox. A claim is a lease (the row's next attempt moves past it, so a dead worker's rows
 * come back) and {@code SKIP LOCKED} keeps nodes off each other's rows; {@link DeliveryLanes} then lets
 * only one delivery per (destination, object, event type) work at a time.
 */
@Component
public class Outbox {

    private static final String COLUMNS = """
            d.id, d.event_id, d.destination_id, d.organization_id, d.client_key, d.dedup_key, d.attempts,
            d.write_attempted_at, d.issue_id, d.issue_key, d.outcome""";
    private static final String DUE = "select " + COLUMNS + """
             from ticket_delivery d
            where d.status in ('PENDING', 'WAITING') and d.next_attempt_at <= ?
            order by d.next_attempt_at, d.id
            limit ?
            for update skip locked""";

    private static final String SKIP_OPEN =
            "update ticket_delivery set status = 'SKIPPED', finished_at = ?, claimed_until = null, last_error = ?";

    private final JdbcClient jdbc;
    private final Clock clock;
    @Autowired(required = false)
    private FerryMeters meters = FerryMeters.NONE;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void enqueue(String eventId, Destination destination, String dedupKey) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into ticket_delivery (event_id, destination_id, organization_id, client_key, dedup_key, status,
                    attempts, next_attempt_at, created_at) values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
                .params(eventId, destination.id(), destination.organizationId(), destination.clientKey(), dedupKey, now,
                        now).update();
    }

    @Transactional
    List<OutboundDelivery> claim(int batchSize, Duration lease) {
        Instant now = clock.instant();
        List<OutboundDelivery> due = jdbc.sql(DUE).params(Timestamp.from(now), batchSize)
                .query(Outbox::claimed).list();
        for (OutboundDelivery delivery : due) {
            jdbc.sql("update ticket_delivery set attempts = attempts + 1, next_attempt_at = ?, claimed_until = ? where id = ?")
                    .params(Timestamp.from(now.plus(lease)), Timestamp.from(now.plus(lease)), delivery.id()).update();
        }
        return due;
    }

    /**
     * The worker starts on one delivery of its batch: true, with the lease renewed, while the claim is still
     * this worker's. A batch is worked one delivery after another, so a late one may find its lease run out
     * and the row claimed again (its claim count moved on): the stale copy must then be left alone, or it
     * would file or comment a second time.
     */
    boolean begin(OutboundDelivery delivery, Duration lease) {
        Timestamp until = Timestamp.from(clock.instant().plus(lease));
        return jdbc.sql("""
                update ticket_delivery set claimed_until = ?, next_attempt_at = ?
                where id = ? and attempts = ? and status in ('PENDING', 'WAITING')""")
                .params(until, until, delivery.id(), delivery.attempts()).update() == 1;
    }

    /**
     * Written before the create or comment call: from here on, a retry must look in Jira for what this
     * delivery may already have written before writing it again. Refused once another worker holds the claim.
     */
    void writeAttempted(OutboundDelivery delivery) {
        owned(delivery, jdbc.sql("update ticket_delivery set write_attempted_at = ? where id = ? and attempts = ?")
                .params(Timestamp.from(clock.instant()), delivery.id(), delivery.attempts()).update());
    }

    /** The ticket exists (created, commented or recovered); what is left are the side effects. */
    void ticketKnown(OutboundDelivery delivery, String issueId, String issueKey, TicketOutcome outcome) {
        owned(delivery, jdbc.sql("update ticket_delivery set issue_id = ?, issue_key = ?, outcome = ? where id = ? and attempts = ?")
                .params(issueId, issueKey, outcome.name(), delivery.id(), delivery.attempts()).update());
    }

    void finish(OutboundDelivery delivery, TicketDeliveryStatus status, String error) {
        owned(delivery, jdbc.sql("""
                update ticket_delivery set status = ?, finished_at = ?, claimed_until = null, last_error = ?
                where id = ? and attempts = ?""").params(status.name(), Timestamp.from(clock.instant()), Columns.clip(error, 4000),
                delivery.id(), delivery.attempts()).update());
        meters.delivery(status.name());
    }

    /** Try again at {@code when}; {@code WAITING} says a person or a re-install has to fix something first. */
    void reschedule(OutboundDelivery delivery, TicketDeliveryStatus status, Instant when, String error) {
        owned(delivery, jdbc.sql("""
                update ticket_delivery set status = ?, next_attempt_at = ?, claimed_until = null, last_error = ?
                where id = ? and attempts = ?""").params(status.name(), Timestamp.from(when), Columns.clip(error, 4000), delivery.id(),
                delivery.attempts()).update());
        meters.delivery(status.name());
    }

    private static void owned(OutboundDelivery delivery, int updated) {
        if (updated != 1) {
            throw new LeaseLostException(delivery);
        }
    }

    /** A destination was repaired: its parked deliveries are due now. */
    int wake(String destinationId) {
        return jdbc.sql("""
                update ticket_delivery set status = 'PENDING', next_attempt_at = ?
                where destination_id = ? and status = 'WAITING'""")
                .params(Timestamp.from(clock.instant()), destinationId).update();
    }

    /** A site's credentials were renewed: its deliveries parked for any reason are due now, and look again. */
    int wakeSite(String clientKey) {
        return jdbc.sql("""
                update ticket_delivery set status = 'PENDING', next_attempt_at = ?
                where client_key = ? and status = 'WAITING'""")
                .params(Timestamp.from(clock.instant()), clientKey).update();
    }

    /** A destination was deleted: its open deliveries end as {@code SKIPPED}, with why. */
    int skipOpenOfDestination(String destinationId, String reason) {
        return jdbc.sql(SKIP_OPEN + " where destination_id = ? and status in ('PENDING', 'WAITING')")
                .params(Timestamp.from(clock.instant()), reason, destinationId).update();
    }

    /**
     * An organization disconnected a site: its open deliveries there end as {@code SKIPPED}, with why, so
     * linking the site again never files them.
     */
    int skipOpenOfSite(String organizationId, String clientKey, String reason) {
        return jdbc.sql(SKIP_OPEN + " where organization_id = ? and client_key = ? and status in ('PENDING', 'WAITING')")
                .params(Timestamp.from(clock.instant()), reason, organizationId, clientKey).update();
    }

    /**
     * A person asked to send a delivery now: any delivery not yet final (pending, waiting or failed) becomes due
     * at once. One a worker holds right now is left to it, since a second claim would only race the first.
     */
    @Transactional
    Retry retry(String organizationId, long deliveryId) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                update ticket_delivery set status = 'PENDING', next_attempt_at = ?, finished_at = null
                where id = ? and organization_id = ? and status in ('PENDING', 'WAITING', 'FAILED')
                  and (claimed_until is null or claimed_until <= ?)""")
                .params(now, deliveryId, organizationId, now).update();
        if (updated == 1) {
            return Retry.DUE_NOW;
        }
        return jdbc.sql("select status from ticket_delivery where id = ? and organization_id = ?")
                .params(deliveryId, organizationId).query(String.class).optional()
                .map(status -> status.equals("DONE") || status.equals("SKIPPED") ? Retry.FINAL : Retry.BEING_TRIED)
                .orElse(Retry.NOT_FOUND);
    }

    /** What a retry did. */
    enum Retry {
        /** The delivery goes out at the worker's next look. */
        DUE_NOW,
        /** A worker is trying it at this moment. */
        BEING_TRIED,
        /** Done or skipped: there is nothing to send again. */
        FINAL,
        /** No such delivery in the organization. */
        NOT_FOUND
    }

    public List<DeliveryView> forEvent(String eventId) {
        return jdbc.sql("""
                select id, destination_id, client_key, status, outcome, issue_id, issue_key, attempts, last_error,
                    created_at, finished_at, next_attempt_at
                from ticket_delivery where event_id = ? order by id""").param(eventId)
                .query(DeliveryView::from).list();
    }

    private static OutboundDelivery claimed(ResultSet rs, int row) throws SQLException {
        Timestamp attempted = rs.getTimestamp("write_attempted_at");
        String outcome = rs.getString("outcome");
        return new OutboundDelivery(rs.getLong("id"), rs.getString("event_id"), rs.getString("destination_id"),
                rs.getString("organization_id"), rs.getString("client_key"), rs.getString("dedup_key"),
                rs.getInt("attempts") + 1,
                attempted == null ? null : attempted.toInstant(), rs.getString("issue_id"), rs.getString("issue_key"),
                outcome == null ? null : TicketOutcome.valueOf(outcome));
    }
}
