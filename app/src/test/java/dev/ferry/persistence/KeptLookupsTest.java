package dev.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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

    private Optional<String> none(String key) {
        loads.incrementAndGet();
        return Optional.empty();
    }

    private Optional<String> some(String key) {
        loads.incrementAndGet();
        return Optional.of("view");
    }
}
