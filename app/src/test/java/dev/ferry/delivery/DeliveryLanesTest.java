package dev.ferry.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lanes are taken with the claim and let go with the delivery's end (or its holder's lease), never twice at once. */
@FerryIntegrationTest
class DeliveryLanesTest {

    static final Duration LEASE = Duration.ofMinutes(2);

    @Autowired
    Outbox outbox;
    @Autowired
    Organizations organizations;
    @Autowired
    JdbcClient jdbc;

    OutboxRows rows;

    @BeforeEach
    void aDestination() {
        rows = OutboxRows.destination(jdbc, organizations.create("Acme").id(), "site-1");
    }

    @Test
    void oneDeliveryPerKeyIsClaimedUntilTheHolderEnds() {
        long first = rows.inLane("k");
        long second = rows.inLane("k");
        long other = rows.inLane("other");

        List<OutboundDelivery> claimed = outbox.claim(10, LEASE);

        assertThat(claimed).extracting(OutboundDelivery::id).containsExactlyInAnyOrder(first, other);
        assertThat(rows.lastError(second)).isEqualTo(Outbox.LANE_BUSY);
        OutboundDelivery holder = claimed.stream().filter(delivery -> delivery.id() == first).findFirst().orElseThrow();
        outbox.done(holder, "10001", "FERRY-1", TicketOutcome.CREATED);
        dueNow(second);
        assertThat(outbox.claim(10, LEASE)).extracting(OutboundDelivery::id).containsExactly(second);
    }

    @Test
    void aHoldersLaneIsFreeOnceItsLeaseRunsOut() {
        long held = rows.inLane("k");
        OutboundDelivery holder = outbox.claim(10, Duration.ofMillis(-1)).get(0);
        // It ended before its write, but letting its lane go failed: the lane waits out its lease.
        outbox.reschedule(holder, TicketDeliveryStatus.PENDING, Instant.now().plus(Duration.ofHours(1)), "Jira unavailable");
        long next = rows.inLane("k");

        assertThat(outbox.claim(10, LEASE)).extracting(OutboundDelivery::id).containsExactly(next);
        dueNow(held);
        assertThat(outbox.claim(10, LEASE)).isEmpty();
        assertThat(rows.lastError(held)).as("the earlier holder, due again, now waits behind the lane's new holder")
                .isEqualTo(Outbox.LANE_BUSY);
    }

    @Test
    void aDeadHolderThatNeverReachedItsWriteStillGoesFirst() {
        long dead = rows.inLane("k");
        assertThat(outbox.claim(10, Duration.ofMillis(-1))).extracting(OutboundDelivery::id).containsExactly(dead);
        long next = rows.inLane("k"); // its node was killed: nothing says whether it had called Jira

        List<OutboundDelivery> claimed = outbox.claim(10, LEASE);
        assertThat(claimed).as("the younger waits: the dead one may have filed the ticket")
                .extracting(OutboundDelivery::id).containsExactly(dead);
        outbox.done(claimed.get(0), "10001", "FERRY-1", TicketOutcome.RECOVERED);
        assertThat(outbox.claim(10, LEASE)).extracting(OutboundDelivery::id).containsExactly(next);
    }

    @Test
    void aDeadHolderThatMayHaveWrittenToJiraGoesBeforeTheNextOfItsLane() {
        long dead = rows.inLane("k");
        OutboundDelivery died = outbox.claim(10, LEASE).get(0);
        outbox.beginWrite(died); // it called Jira to create the ticket, then its node was killed
        dueNow(dead);
        long next = rows.inLane("k");

        List<OutboundDelivery> claimed = outbox.claim(10, LEASE);

        assertThat(claimed).as("the younger delivery would find no ticket and file a second one")
                .extracting(OutboundDelivery::id).containsExactly(dead);
        OutboundDelivery retried = claimed.get(0);
        assertThat(retried.writeAttemptedAt()).as("so it looks in Jira for its ticket first").isNotNull();
        outbox.done(retried, "10001", "FERRY-1", TicketOutcome.RECOVERED);
        assertThat(outbox.claim(10, LEASE)).extracting(OutboundDelivery::id).containsExactly(next);
    }

    @Test
    void manyClaimersRacingForOneKeyGetOneLane() throws Exception {
        for (int i = 0; i < 16; i++) {
            rows.inLane("race");
        }
        ExecutorService claimers = Executors.newFixedThreadPool(8);
        List<Future<List<OutboundDelivery>>> racing = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racing.add(claimers.submit(() -> outbox.claim(2, LEASE)));
        }
        int winners = 0;
        for (Future<List<OutboundDelivery>> claim : racing) {
            winners += claim.get().size();
        }
        claimers.shutdown();
        assertThat(winners).isEqualTo(1);
    }

    private void dueNow(long id) {
        jdbc.sql("update ticket_delivery set next_attempt_at = ? where id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusMillis(1)), id).update();
    }
}
