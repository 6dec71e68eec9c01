package dev.ferry.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.ferry.persistence.Dialect;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A claim reads only as far into the outbox as its batch needs: oldest due first, parked deliveries due for a look
 * not held back by a backlog of pending ones, and "more are due" said when the batch came back full.
 */
@FerryIntegrationTest
class OutboxClaimTest {

    private static final Duration LEASE = Duration.ofMinutes(2);

    @Autowired
    Outbox outbox;
    @Autowired
    Organizations organizations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Dialect dialect;

    OutboxRows rows;

    @BeforeEach
    void aDestination() {
        rows = OutboxRows.destination(jdbc, organizations.create("Acme").id(), "site-1");
    }

    @Test
    void theOldestDueGoFirstAndAFullBatchSaysMoreAreDue() {
        Instant now = Instant.now();
        List<Long> pending = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            pending.add(rows.delivery("PENDING", now.minusSeconds(100 - i)));
        }
        rows.delivery("PENDING", now.plusSeconds(60));

        Outbox.Claim first = outbox.claimBatch(3, LEASE);
        assertThat(first.deliveries()).extracting(OutboundDelivery::id).containsExactlyElementsOf(pending.subList(0, 3));
        assertThat(first.full()).isTrue();
        Outbox.Claim second = outbox.claimBatch(3, LEASE);
        assertThat(second.deliveries()).extracting(OutboundDelivery::id).containsExactlyElementsOf(pending.subList(3, 6));
        Outbox.Claim last = outbox.claimBatch(3, LEASE);
        assertThat(last.deliveries()).extracting(OutboundDelivery::id).containsExactly(pending.get(6));
        assertThat(last.full()).as("one due left of a batch of three").isFalse();
        assertThat(outbox.claimBatch(3, LEASE).deliveries()).as("the last one is not due yet").isEmpty();
    }

    @Test
    void aParkedDeliveryDueForALookIsNotHeldBackByABacklog() {
        Instant now = Instant.now();
        for (int i = 0; i < 10; i++) {
            rows.delivery("PENDING", now.minusSeconds(100 - i));
        }
        long parked = rows.delivery("WAITING", now.minusSeconds(1));

        Outbox.Claim claim = outbox.claimBatch(3, LEASE);

        assertThat(claim.deliveries()).extracting(OutboundDelivery::id).contains(parked).hasSize(3);
        assertThat(claim.full()).isTrue();
    }

    /** H2 says in its plan when it walks an index in the query's order and can stop at the limit. */
    @Test
    void onH2TheDueQueryWalksItsIndexInOrderInsteadOfSortingTheBacklog() {
        assumeThat(dialect.postgres()).as("H2's plan").isFalse();
        Timestamp now = Timestamp.from(Instant.now());
        String plan = jdbc.sql("explain " + Outbox.DUE_IN_ORDER).params("WAITING", now, 20, "PENDING", now, 40)
                .query(String.class).single();
        assertThat(plan.split("/\\* index sorted \\*/", -1)).as(plan).hasSize(3);
        assertThat(plan).contains("TICKET_DELIVERY_DUE");
    }

    @Test
    void aClaimMarksItsRowsAsMaybeWrittenAndAnAttemptEndingBeforeItsWriteTakesTheMarkBack() {
        long unwritten = rows.delivery("PENDING", Instant.now().minusSeconds(2));
        long written = rows.delivery("PENDING", Instant.now().minusSeconds(1));

        List<OutboundDelivery> claimed = outbox.claim(10, LEASE);
        assertThat(rows.writeMarked(unwritten)).as("a node killed now leaves a retry to look in Jira first").isTrue();
        outbox.beginWrite(claimed.get(1));
        claimed.forEach(delivery -> outbox.reschedule(delivery, TicketDeliveryStatus.PENDING, Instant.now(), "Jira unavailable"));

        assertThat(rows.writeMarked(unwritten)).as("it never called Jira: its retry need not look").isFalse();
        assertThat(rows.writeMarked(written)).isTrue();
        List<OutboundDelivery> retried = outbox.claim(10, LEASE);
        assertThat(retried).extracting(OutboundDelivery::writeAttemptedAt).first().isNull();
        assertThat(retried.get(1).writeAttemptedAt()).as("the retry of the one that called Jira looks first").isNotNull();
    }

    @Test
    void aWriteIsRefusedOnceAnotherClaimTookTheDelivery() {
        long id = rows.delivery("PENDING", Instant.now().minusSeconds(1));
        OutboundDelivery stale = outbox.claim(10, LEASE).get(0);
        rows.claimedUntil(id, Instant.now());
        jdbc.sql("update ticket_delivery set next_attempt_at = ? where id = ?").params(Timestamp.from(Instant.now()), id)
                .update();
        OutboundDelivery current = outbox.claim(10, LEASE).get(0);

        assertThatThrownBy(() -> outbox.beginWrite(stale)).isInstanceOf(LeaseLostException.class);
        outbox.beginWrite(current);
    }

    @Test
    void aLeaseTooNearItsEndBeginsNoWrite() {
        Instant claimed = Instant.parse("2026-12-07T10:00:00Z");
        Lease lease = new Lease(claimed, claimed.plus(LEASE));

        assertThat(lease.beginWrite(claimed.plus(Duration.ofSeconds(100)))).as("a quarter of the lease is kept in hand")
                .isFalse();
        assertThat(lease.writing()).isFalse();
        assertThat(lease.beginWrite(claimed.plus(Duration.ofSeconds(80)))).isTrue();
        assertThat(lease.writing()).isTrue();
    }
}
