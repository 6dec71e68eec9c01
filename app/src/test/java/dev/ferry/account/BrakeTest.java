package dev.ferry.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The wait after failed sign-ins: none while free, then doubling up to the cap. */
class BrakeTest {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofMinutes(15);

    @Test
    void noWaitWhileTheFailuresAreFree() {
        assertThat(Brake.delay(4, 5, FIRST, MAX)).isEmpty();
    }

    @Test
    void theWaitDoublesWithEveryFurtherFailure() {
        assertThat(Brake.delay(5, 5, FIRST, MAX)).hasValue(Duration.ofSeconds(1));
        assertThat(Brake.delay(6, 5, FIRST, MAX)).hasValue(Duration.ofSeconds(2));
        assertThat(Brake.delay(9, 5, FIRST, MAX)).hasValue(Duration.ofSeconds(16));
    }

    @Test
    void theWaitStopsGrowingAtTheCap() {
        assertThat(Brake.delay(15, 5, FIRST, MAX)).hasValue(MAX);
        assertThat(Brake.delay(Integer.MAX_VALUE, 5, FIRST, MAX)).hasValue(MAX);
    }

    @Test
    void aWaitInThePastIsNoWait() {
        Instant now = Instant.parse("2026-12-06T05:00:00Z");
        assertThat(new Brake("k", 9, now.minusSeconds(1), false).waitAt(now)).isZero();
        assertThat(new Brake("k", 9, now.plusSeconds(30), false).waitAt(now)).isEqualTo(Duration.ofSeconds(30));
    }
}
