package dev.ferry.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.destination.Destination;
import dev.ferry.destination.DestinationRepository;
import dev.ferry.event.ProductEvent;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deliveries ending together share one transaction, and one whose claim another worker took never fails the rest. */
@FerryIntegrationTest
class DeliveryCompletionTest {

    static final Duration LEASE = Duration.ofMinutes(2);

    @Autowired
    DeliveryCompletion completion;
    @Autowired
    Outbox outbox;
    @Autowired
    Organizations organizations;
    @Autowired
    DestinationRepository destinations;
    @Autowired
    JdbcClient jdbc;

    OutboxRows rows;
    final ExecutorService workers = Executors.newFixedThreadPool(3);

    @BeforeEach
    void aDestination() {
        rows = OutboxRows.destination(jdbc, organizations.create("Acme").id(), "site-1");
    }

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @Test
    void endsWrittenTogetherAllEndInOneTransaction() {
        List<Long> ids = List.of(rows.inLane("a"), rows.inLane("b"), rows.inLane("c"));
        List<DeliveryCompletion.Ending> ends = endings(outbox.claim(10, LEASE));

        assertThat(completion.writeAll(ends)).containsExactly(true, true, true);

        assertThat(ids).allSatisfy(id -> assertThat(rows.status(id)).isEqualTo("DONE"));
        assertThat(jdbc.sql("select count(*) from delivery_lane where holder in (:ids)").param("ids", ids)
                .query(Integer.class).single()).as("every lane let go with its end").isZero();
    }

    @Test
    void anEndWhoseClaimAnotherWorkerTookFailsAloneAndTheOthersEnd() throws Exception {
        long first = rows.inLane("a");
        long second = rows.inLane("b");
        long taken = rows.inLane("c");
        List<OutboundDelivery> claimed = outbox.claim(10, LEASE);
        // Another worker claimed this one since (its lease ran out meanwhile): this copy must not end it.
        jdbc.sql("update ticket_delivery set attempts = attempts + 1 where id = ?").param(taken).update();

        List<Future<?>> ending = new ArrayList<>();
        for (DeliveryCompletion.Ending end : endings(claimed)) {
            ending.add(workers.submit(() -> completion.complete(end.job(), end.filed())));
        }

        List<Throwable> failures = new ArrayList<>();
        for (Future<?> end : ending) {
            try {
                end.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        assertThat(failures).singleElement().isInstanceOf(LeaseLostException.class);
        assertThat(rows.status(first)).isEqualTo("DONE");
        assertThat(rows.status(second)).isEqualTo("DONE");
        assertThat(rows.status(taken)).as("left to the worker that holds it now").isEqualTo("PENDING");
    }

    private List<DeliveryCompletion.Ending> endings(List<OutboundDelivery> claimed) {
        Destination destination = destinations.findById(rows.destinationId()).orElseThrow();
        List<DeliveryCompletion.Ending> ends = new ArrayList<>();
        for (OutboundDelivery delivery : claimed) {
            ProductEvent event = new ProductEvent(delivery.eventId(), rows.organizationId(), "experiment.guardrail_breached",
                    new ProductEvent.Subject("experiment", "exp-" + delivery.id(), "Checkout", null), Map.of(),
                    Instant.now(), Instant.now(), null);
            Job job = new Job(delivery, event, destination, null, null);
            ends.add(new DeliveryCompletion.Ending(job,
                    new TicketFiler.Filed("1000" + delivery.id(), "FERRY-" + delivery.id(), TicketOutcome.COMMENTED)));
        }
        return ends;
    }
}
