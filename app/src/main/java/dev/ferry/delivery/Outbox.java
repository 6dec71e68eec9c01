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
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ticket outbox. A claim is a lease (the row's next attempt moves past it, so a dead worker's rows
 * come back) and {@code SKIP LOCKED} keeps nodes off each other's rows; {@link DeliveryLanes} then lets
 * only one delivery per (destination, object, event type) work at a time. A delivery is not even claimed while an
 * older one of its lane may have written to Jira without recording it (its holder died after the create call):
 * the lane's lease ends before that older delivery is due again, and a younger one taking the lane then would
 * find no ticket and file a second. The older one goes first, finds its own ticket by its marker, and links it.
 */
@Component
public class Outbox {

    private static final String COLUMNS = """
            d.id, d.event_id, d.destination_id, d.organization_id, d.client_key, d.dedup_key, d.attempts,
            d.write_attempted_at, d.issue_id, d.issue_key, d.outcome""";
    /** No older delivery of the lane may have written to Jira without recording it (see the class comment). */
    private static final String LANE_CLEAR = """
            not exists (select 1 from ticket_delivery o
                where o.dedup_key = d.dedup_key and o.id < d.id and o.status in ('PENDING', 'WAITING')
                  and o.write_attempted_at is not null)""";

    /** The first due deliveries of one status, oldest first. */
    private static final String DUE_OF_STATUS = """
            select d.id, d.status from ticket_delivery d
            where d.status = ? and d.next_attempt_at <= ? and\s""" + LANE_CLEAR + """

            order by d.status, d.next_attempt_at, d.id
            limit ?""";

    /**
     * The first due parked deliveries, then the first due pending ones, read without locks, each part in the order of
     * the index {@code (status, next_attempt_at, id)}: the database walks the index and stops at the limit, however
     * long the backlog. (With both statuses in one condition, or with {@code FOR UPDATE} on H2, it would read and
     * sort every due row on every claim.)
     */
    static final String DUE_IN_ORDER = "select id, status from (" + DUE_OF_STATUS + ") w union all select id, status from ("
            + DUE_OF_STATUS + ") p";

    /** Of those candidates, the ones still due, locked, parked ones first; another node's are skipped. */
    private static final String LOCK_DUE = "select " + COLUMNS + """
             from ticket_delivery d
            where d.id in (:ids) and d.status in ('PENDING', 'WAITING') and d.next_attempt_at <= :now and\s""" + LANE_CLEAR + """

            order by case when d.status = 'WAITING' then 0 else 1 end, d.next_attempt_at, d.id
            limit :limit
            for update skip locked""";

    private static final String SKIP_OPEN =
            "update ticket_delivery set status = 'SKIPPED', finished_at = ?, claimed_until = null, last_error = ?";

    /** Another delivery for the same object and event is at work: this one goes again shortly, after it. */
    static final String LANE_BUSY = "waiting for another delivery for the same object and event";
    private static final Duration LANE_BUSY_RETRY = Duration.ofMillis(500);

    private final JdbcClient jdbc;
    private final DeliveryLanes lanes;
    private final Clock clock;
    private volatile Runnable workerWakeup = () -> { };
    @Autowired(required = false)
    private FerryMeters meters = FerryMeters.NONE;

    Outbox(JdbcClient jdbc, DeliveryLanes lanes, Clock clock) {
        this.jdbc = jdbc;
        this.lanes = lanes;
        this.clock = clock;
    }

    /**
     * Wakes this node's delivery worker once the caller's transaction has committed what it enqueued (at once
     * without a transaction), so a new delivery is claimed now rather than at the end of an idle worker's sleep.
     */
    public void wakeWorkerAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            workerWakeup.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                workerWakeup.run();
            }
        });
    }

    /** The worker's wake-up (none when this node runs no delivery worker). */
    void onNewWork(Runnable wakeup) {
        this.workerWakeup = wakeup;
    }

    public void enqueue(String eventId, Destination destination, String dedupKey) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into ticket_delivery (event_id, destination_id, organization_id, client_key, dedup_key, status,
                    attempts, next_attempt_at, created_at) values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
                .params(eventId, destination.id(), destination.organizationId(), destination.clientKey(), dedupKey, now,
                        now).update();
    }

    /**
     * Claims up to {@code batchSize} due deliveries for {@code lease}, each with its lane, in one transaction: one
     * query, one upsert per lane, one update for the claimed and one for those whose lane another delivery holds
     * (they go again shortly, without counting an attempt). The claim count moves on, so a copy of an earlier claim
     * is refused at its first write to the row and can never end the delivery a second time; the claim also marks each
     * row as possibly written to Jira ({@link #beginWrite}).
     */
    @Transactional
    List<OutboundDelivery> claim(int batchSize, Duration lease) {
        return claimBatch(batchSize, lease).deliveries();
    }

    /**
     * What a claim took, and whether it found as many due as it asked for: then more may be due, even when some of
     * them went back for their lane (and so {@code deliveries} is shorter).
     */
    record Claim(List<OutboundDelivery> deliveries, boolean full) {
    }

    /** A due delivery read, unlocked, as a claim's candidate. */
    private record Candidate(long id, String status) {
        boolean pending() {
            return TicketDeliveryStatus.PENDING.name().equals(status);
        }
    }

    /**
     * {@link #claim}, saying whether the due query came back full. Parked deliveries due for a look go first: they
     * are few (a look a {@code waiting-recheck}), and a backlog of pending ones must not hold them back. Twice the
     * batch of pending ones is read as candidates, so those another node locks meanwhile still leave a full batch.
     */
    @Transactional
    Claim claimBatch(int batchSize, Duration lease) {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        int pendingWanted = 2 * batchSize;
        List<Candidate> candidates = jdbc.sql(DUE_IN_ORDER)
                .params(TicketDeliveryStatus.WAITING.name(), at, batchSize, TicketDeliveryStatus.PENDING.name(), at,
                        pendingWanted)
                .query((rs, row) -> new Candidate(rs.getLong("id"), rs.getString("status"))).list();
        if (candidates.isEmpty()) {
            return new Claim(List.of(), false);
        }
        Instant until = now.plus(lease);
        List<OutboundDelivery> due = jdbc.sql(LOCK_DUE).param("ids", candidates.stream().map(Candidate::id).toList())
                .param("now", at).param("limit", batchSize).query((rs, row) -> claimed(rs, new Lease(now, until))).list();
        long pending = candidates.stream().filter(Candidate::pending).count();
        // More are due when the pending ones filled their read, or the lock stopped at the batch with candidates left.
        boolean full = pending >= pendingWanted || due.size() >= batchSize;
        if (due.isEmpty()) {
            return new Claim(due, full);
        }
        // Claimed before the lanes are taken: a lane is held while its holder's claim lasts. Marked as possibly written
        // to Jira here rather than in a commit of its own before the write: a crash from here on leaves a retry to look.
        jdbc.sql("""
                update ticket_delivery set attempts = attempts + 1, next_attempt_at = :until, claimed_until = :until,
                    write_attempted_at = coalesce(write_attempted_at, :now)
                where id in (:ids)""").param("until", Timestamp.from(until)).param("now", at)
                .param("ids", due.stream().map(OutboundDelivery::id).toList()).update();
        List<OutboundDelivery> claimed = new ArrayList<>(due.size());
        List<OutboundDelivery> laneBusy = new ArrayList<>();
        for (OutboundDelivery delivery : due) {
            if (lanes.take(delivery.id(), delivery.dedupKey(), now, lease)) {
                claimed.add(delivery);
            } else {
                laneBusy.add(delivery);
            }
        }
        if (!laneBusy.isEmpty()) {
            putBack(laneBusy, now);
        }
        return new Claim(claimed, full);
    }

    /** Deliveries whose lane another holds go again shortly, as the claim found them: no attempt counted, no mark. */
    private void putBack(List<OutboundDelivery> laneBusy, Instant now) {
        jdbc.sql("""
                update ticket_delivery set attempts = attempts - 1, claimed_until = null, next_attempt_at = :when,
                    last_error = :why
                where id in (:ids)""").param("when", Timestamp.from(now.plus(LANE_BUSY_RETRY))).param("why", LANE_BUSY)
                .param("ids", laneBusy.stream().map(OutboundDelivery::id).toList()).update();
        List<Long> unmarked = laneBusy.stream().filter(OutboundDelivery::unmarksOnEnd).map(OutboundDelivery::id).toList();
        if (!unmarked.isEmpty()) {
            jdbc.sql("update ticket_delivery set write_attempted_at = null where id in (:ids)").param("ids", unmarked)
                    .update();
        }
    }

    /**
     * Called right before the create or comment call; the claim has already marked the row, so from here on a retry
     * looks in Jira for what this delivery may have written before writing it again. Refused once another worker
     * claimed the delivery (the claim count moved on: a read, no commit), or when the lease is too near its end for
     * this worker to be sure none will have by the time Jira has the write ({@link Lease#beginWrite}).
     */
    void beginWrite(OutboundDelivery delivery) {
        int claims = jdbc.sql("select attempts from ticket_delivery where id = ?").param(delivery.id()).query(Integer.class)
                .single();
        if (claims != delivery.attempts() || !delivery.lease().beginWrite(clock.instant())) {
            throw new LeaseLostException(delivery);
        }
    }

    /** The ticket exists (created, commented or recovered); what is left are the side effects. */
    void ticketKnown(OutboundDelivery delivery, String issueId, String issueKey, TicketOutcome outcome) {
        owned(delivery, jdbc.sql("update ticket_delivery set issue_id = ?, issue_key = ?, outcome = ? where id = ? and attempts = ?")
                .params(issueId, issueKey, outcome.name(), delivery.id(), delivery.attempts()).update());
    }

    void finish(OutboundDelivery delivery, TicketDeliveryStatus status, String error) {
        owned(delivery, jdbc.sql("""
                update ticket_delivery set status = ?, finished_at = ?, claimed_until = null, last_error = ?""" + unmark(delivery)
                + " where id = ? and attempts = ?").params(status.name(), Timestamp.from(clock.instant()), Columns.clip(error, 4000),
                delivery.id(), delivery.attempts()).update());
        meters.delivery(status.name());
    }

    /**
     * The delivery ends on its ticket: the ticket and the end in one update, and its lane let go (caller's
     * transaction; the caller counts it once committed).
     */
    void done(OutboundDelivery delivery, String issueId, String issueKey, TicketOutcome outcome) {
        owned(delivery, jdbc.sql("""
                update ticket_delivery set status = 'DONE', finished_at = ?, claimed_until = null, last_error = null,
                    issue_id = ?, issue_key = ?, outcome = ?
                where id = ? and attempts = ?""").params(Timestamp.from(clock.instant()), issueId, issueKey, outcome.name(),
                delivery.id(), delivery.attempts()).update());
        lanes.release(delivery.id(), delivery.dedupKey());
    }

    /** Lets the delivery's lane go after it ended any other way than {@link #done}. */
    void releaseLane(OutboundDelivery delivery) {
        lanes.release(delivery.id(), delivery.dedupKey());
    }

    /** Try again at {@code when}; {@code WAITING} says a person or a re-install has to fix something first. */
    void reschedule(OutboundDelivery delivery, TicketDeliveryStatus status, Instant when, String error) {
        owned(delivery, jdbc.sql("""
                update ticket_delivery set status = ?, next_attempt_at = ?, claimed_until = null, last_error = ?""" + unmark(delivery)
                + " where id = ? and attempts = ?").params(status.name(), Timestamp.from(when), Columns.clip(error, 4000), delivery.id(),
                delivery.attempts()).update());
        meters.delivery(status.name());
    }

    /** An attempt that ends before its write takes back the mark its claim set (see {@link Lease}). */
    private static String unmark(OutboundDelivery delivery) {
        return delivery.unmarksOnEnd() ? ", write_attempted_at = null" : "";
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

    private static OutboundDelivery claimed(ResultSet rs, Lease lease) throws SQLException {
        Timestamp attempted = rs.getTimestamp("write_attempted_at");
        String outcome = rs.getString("outcome");
        return new OutboundDelivery(rs.getLong("id"), rs.getString("event_id"), rs.getString("destination_id"),
                rs.getString("organization_id"), rs.getString("client_key"), rs.getString("dedup_key"),
                rs.getInt("attempts") + 1,
                attempted == null ? null : attempted.toInstant(), rs.getString("issue_id"), rs.getString("issue_key"),
                outcome == null ? null : TicketOutcome.valueOf(outcome), lease);
    }
}
