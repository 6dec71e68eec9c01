package dev.ferry.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@FerryIntegrationTest
class DeliveryLanesTest {

    static final Duration LEASE = Duration.ofMinutes(2);

    @Autowired
    DeliveryLanes lanes;

    static OutboundDelivery delivery(long id, String key) {
        return new OutboundDelivery(id, "event-" + id, "destination", "org", "site", key, 1, null, null, null, null);
    }

    @Test
    void oneDeliveryPerKeyHoldsTheLaneUntilItLetsGo() {
        assertThat(lanes.take(delivery(1, "k"), LEASE)).isTrue();
        assertThat(lanes.take(delivery(2, "k"), LEASE)).isFalse();
        assertThat(lanes.take(delivery(3, "other"), LEASE)).isTrue();
        lanes.release(delivery(1, "k"));
        assertThat(lanes.take(delivery(2, "k"), LEASE)).isTrue();
    }

    @Test
    void aDeadHoldersLaneIsFreeOnceItsLeaseRunsOut() {
        assertThat(lanes.take(delivery(1, "k"), Duration.ofMillis(-1))).isTrue();
        assertThat(lanes.take(delivery(2, "k"), LEASE)).isTrue();
        lanes.release(delivery(1, "k"));
        assertThat(lanes.take(delivery(3, "k"), LEASE)).as("the late release of the dead holder frees nothing").isFalse();
    }

    @Test
    void manyWorkersRacingForOneKeyGetOneLane() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(8);
        AtomicInteger winners = new AtomicInteger();
        List<Future<?>> racing = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            long id = i;
            racing.add(workers.submit(() -> winners.addAndGet(lanes.take(delivery(id, "race"), LEASE) ? 1 : 0)));
        }
        for (Future<?> future : racing) {
            future.get();
        }
        workers.shutdown();
        assertThat(winners).hasValue(1);
    }
}
