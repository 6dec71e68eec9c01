package dev.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.support.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every Forge call and every Jira call asks for an installation: within the time to live the database is not. */
class KeptLookupsTest {

    final SettableClock clock = new SettableClock(Instant.parse("2026-12-06T20:00:00Z"));
    final AtomicInteger loads = new AtomicInteger();

    @Test
    void anAnswerAbsentOrNotIsReadOncePerTimeToLiveAndAgainOnceForgotten() {
        KeptLookups<String> views = new KeptLookups<>(() -> Duration.ofSeconds(1), clock);

        for (int i = 0; i < 100; i++) {
            assertThat(views.get("connect-site", this::none)).isEmpty();
            assertThat(views.get("forge-site", this::some)).contains("view");
        }
        assertThat(loads).as("a site without Forge costs one read per second, not one per call").hasValue(2);

        views.forget("forge-site");
        views.get("forge-site", this::some);
        clock.advance(Duration.ofMillis(1001));
        views.get("connect-site", this::none);
        assertThat(loads).hasValue(4);
    }

    @Test
    void aZeroTimeToLiveReadsEveryTime() {
        KeptLookups<String> views = new KeptLookups<>(() -> Duration.ZERO, clock);
        views.get("site", this::some);
        views.get("site", this::some);
        assertThat(loads).hasValue(2);
    }

    @Test
    void threadsAskingWhileTheKeyLoadsWaitForThatOneLoad() throws Exception {
        KeptLookups<String> views = new KeptLookups<>(() -> Duration.ofSeconds(1), clock);
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            Future<Optional<String>> first = threads.submit(() -> views.get("site", key -> {
                loading.countDown();
                await(release);
                return some(key);
            }));
            assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<Optional<String>>> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(threads.submit(() -> views.get("site", this::some)));
            }
            Thread.sleep(100);
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).contains("view");
            for (Future<Optional<String>> other : others) {
                assertThat(other.get(5, TimeUnit.SECONDS)).contains("view");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(loads).as("eight threads, one read").hasValue(1);
    }

    @Test
    void aFailedLoadIsThrownToThoseWhoWaitedAndNotKept() throws Exception {
        KeptLookups<String> views = new KeptLookups<>(() -> Duration.ofSeconds(1), clock);
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<String>> failing = threads.submit(() -> views.get("site", key -> {
                loading.countDown();
                await(release);
                throw new IllegalStateException("database down");
            }));
            assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();
            Future<Optional<String>> waiting = threads.submit(() -> views.get("site", this::some));
            Thread.sleep(100);
            release.countDown();
            assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("database down");
            assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("database down")
                    .rootCause().isInstanceOf(IllegalStateException.class);
        } finally {
            threads.shutdownNow();
        }
        assertThat(views.get("site", this::some)).as("the next ask loads again").contains("view");
    }

    @Test
    void aKeyForgottenWhileItLoadsIsReadAgainByTheNextAsk() throws Exception {
        KeptLookups<String> views = new KeptLookups<>(() -> Duration.ofSeconds(1), clock);
        views.get("site", key -> {
            views.forget(key); // a change committed on this node while the old row was being read
            return some(key);
        });
        views.get("site", this::some);
        assertThat(loads).hasValue(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<String> none(String key) {
        loads.incrementAndGet();
        return Optional.empty();
    }

    private Optional<String> some(String key) {
        loads.incrementAndGet();
        return Optional.of("view");
    }
}
