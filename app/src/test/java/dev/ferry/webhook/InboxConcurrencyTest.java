package dev.ferry.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Several workers on one database (each claim on its own connection, as on separate nodes) share the
 * inbox without ever taking one delivery twice. Run with -Ppostgres for the production database.
 */
@FerryIntegrationTest
class InboxConcurrencyTest {

    static final int DELIVERIES = 600;
    static final int WORKERS = 4;

    @Autowired
    Inbox inbox;
    @Autowired
    InboxQueue queue;

    @Test
    void concurrentWorkersNeverClaimOneDeliveryTwice() throws Exception {
        for (int i = 0; i < DELIVERIES; i++) {
            inbox.submit(new InboundDelivery("site", "d-" + i, "comment_created", "{}", 0, Instant.now())).get();
        }
        var claimedBy = new ConcurrentHashMap<Long, Integer>();
        var duplicates = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        // Every worker holds its first claim until all have made one: on a busy machine one thread could
        // otherwise drain the inbox before the others run, and the test would prove nothing about sharing.
        CyclicBarrier firstClaims = new CyclicBarrier(WORKERS);
        List<Callable<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            workers.add(() -> {
                int taken = 0;
                boolean first = true;
                Instant giveUp = Instant.now().plusSeconds(60);
                // An empty claim ends a worker only once every delivery is taken: H2 applies the limit before
                // it skips locked rows, so a claim that overlaps another can come back empty while work remains.
                while (claimedBy.size() < DELIVERIES && Instant.now().isBefore(giveUp)) {
                    List<StoredDelivery> batch = queue.claim(7, Duration.ofMinutes(5));
                    if (first) {
                        firstClaims.await(30, TimeUnit.SECONDS);
                        first = false;
                    }
                    for (StoredDelivery delivery : batch) {
                        if (claimedBy.putIfAbsent(delivery.id(), worker) != null) {
                            duplicates.incrementAndGet();
                        }
                        queue.finish(delivery, DeliveryStatus.PROCESSED, "ok");
                    }
                    taken += batch.size();
                    if (batch.isEmpty()) {
                        Thread.sleep(2);
                    }
                }
                return taken;
            });
        }
        int total = 0;
        for (Future<Integer> result : pool.invokeAll(workers)) {
            total += result.get();
        }
        pool.shutdown();

        assertThat(duplicates.get()).isZero();
        assertThat(total).isEqualTo(DELIVERIES);
        assertThat(claimedBy).hasSize(DELIVERIES);
        assertThat(claimedBy.values().stream().distinct().count()).as("work was shared").isGreaterThan(1);
    }
}
