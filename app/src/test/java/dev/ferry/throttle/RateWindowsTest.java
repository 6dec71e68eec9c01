package dev.ferry.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.support.FerryIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Two nodes' limiters on one database: together they grant a window's permits exactly once, in chunks. */
@FerryIntegrationTest
class RateWindowsTest {

    static final Rate HUNDRED_A_MINUTE = Rate.of("100/1m");
    static final Instant NOW = Instant.parse("2026-12-06T10:00:20.500Z");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void twoNodesAskingAtOnceGrantExactlyTheLimitBetweenThem() throws Exception {
        RateWindows first = node(NOW);
        RateWindows second = node(NOW);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> askers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                RateWindows node = i % 2 == 0 ? first : second;
                askers.add(() -> grantsUntilRefused(node));
            }
            int granted = 0;
            for (Future<Integer> grants : threads.invokeAll(askers)) {
                granted += grants.get();
            }

            assertThat(granted).isEqualTo(100);
            assertThat(used()).isEqualTo(100);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aNodeTakesAChunkAtOnceAndHandsItOutFromMemory() {
        RateWindows node = node(NOW);

        for (int i = 0; i < 10; i++) {
            assertThat(node.take("test", "key", HUNDRED_A_MINUTE)).isEmpty();
        }

        assertThat(used()).isEqualTo(10);
        node.take("test", "key", HUNDRED_A_MINUTE);
        assertThat(used()).isEqualTo(20);
    }

    @Test
    void aFullWindowIsRefusedUntilItEndsAndTheNextOneGrantsAgain() {
        Rate two = Rate.of("2/1m");
        RateWindows node = node(NOW);
        node.take("test", "key", two);
        node.take("test", "key", two);

        assertThat(node.take("test", "key", two)).hasValue(Duration.ofSeconds(40));
        assertThat(node.refusing("test", "key", two)).hasValue(Duration.ofSeconds(40));
        assertThat(node(NOW).take("test", "key", two)).as("another node").hasValue(Duration.ofSeconds(40));
        assertThat(node(NOW.plusSeconds(40)).take("test", "key", two)).isEmpty();
        assertThat(node.refusing("test", "other", two)).isEmpty();
    }

    @Test
    void ratesAreWrittenAsPermitsPerWindow() {
        assertThat(Rate.of("50/1s")).isEqualTo(new Rate(50, Duration.ofSeconds(1)));
        assertThat(Rate.of("10 / 1m")).hasToString("10/1m");
        assertThatThrownBy(() -> Rate.of("50")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rate.of("0/1s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rate.of("5/2d")).isInstanceOf(IllegalArgumentException.class);
    }

    static int grantsUntilRefused(RateWindows node) {
        int granted = 0;
        while (node.take("test", "shared", HUNDRED_A_MINUTE).isEmpty()) {
            granted++;
        }
        return granted;
    }

    RateWindows node(Instant now) {
        return new RateWindows(new RateWindowStore(jdbc, transactions), Clock.fixed(now, ZoneOffset.UTC));
    }

    int used() {
        return jdbc.sql("select sum(used) from rate_window where kind = 'test'").query(Integer.class).single();
    }
}
