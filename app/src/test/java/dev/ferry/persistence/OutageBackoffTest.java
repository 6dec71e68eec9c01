package dev.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.support.SettableClock;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** How a worker waits out a database outage, on a clock the test moves. */
@ExtendWith(OutputCaptureExtension.class)
class OutageBackoffTest {

    final SettableClock clock = new SettableClock(Instant.parse("2026-12-06T04:00:00Z"));
    final OutageBackoff backoff = new OutageBackoff("test worker", LoggerFactory.getLogger(OutageBackoffTest.class), clock);
    final AtomicInteger runs = new AtomicInteger();

    @Test
    void theWaitDoublesWithEachFailedAttemptUpToThirtySeconds() {
        for (long expected : new long[] {1, 2, 4, 8, 16, 30, 30}) {
            assertThat(backoff.run(this::databaseOut)).isFalse();
            assertThat(backoff.remaining()).isEqualTo(Duration.ofSeconds(expected));
            clock.advance(backoff.remaining());
        }
    }

    @Test
    void whileWaitingTheStepIsNotRunAndAfterwardsItIs() {
        backoff.run(this::databaseOut);

        assertThat(backoff.run(runs::incrementAndGet)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(backoff.run(runs::incrementAndGet)).isTrue();

        assertThat(runs).hasValue(1);
        assertThat(backoff.remaining()).isZero();
    }

    @Test
    void anOutageIsLoggedOnceAMinuteWithHowManyFailuresWereLeftOut(CapturedOutput output) {
        for (int i = 0; i < 5; i++) { // 1 + 2 + 4 + 8 + 16 s: within one interval
            backoff.run(this::databaseOut);
            clock.advance(backoff.remaining());
        }
        assertThat(output.getOut()).containsOnlyOnce("test worker paused");

        clock.advance(ThrottledLog.INTERVAL);
        backoff.run(this::databaseOut);

        assertThat(output.getOut().split("test worker paused", -1)).hasSize(3);
        assertThat(output.getOut()).contains("4 more like it not logged since the last line");
    }

    @Test
    void theFirstStepThatSucceedsEndsTheOutageAndSaysSo(CapturedOutput output) {
        backoff.run(this::databaseOut);
        clock.advance(Duration.ofSeconds(1));

        backoff.run(runs::incrementAndGet);

        assertThat(output.getOut()).contains("test worker: the database is available again after 1 failed attempts");
        backoff.run(this::databaseOut);
        assertThat(backoff.remaining()).as("a new outage starts from the first delay").isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aStepThatBeganBeforeTheOutageWasNoticedDoesNotEndIt(CapturedOutput output) {
        // One thread's step reads just before the database goes; meanwhile another thread's step meets the outage.
        backoff.run(() -> {
            clock.advance(Duration.ofMillis(10));
            backoff.run(this::databaseOut);
            clock.advance(Duration.ofMillis(10));
        });

        assertThat(output.getOut()).doesNotContain("available again");
        assertThat(backoff.remaining()).as("still waiting the outage out").isPositive();
    }

    @Test
    void aFailureThatIsNoOutageGoesToTheCallerAndPausesNothing() {
        assertThatThrownBy(() -> backoff.run(() -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(backoff.remaining()).isZero();
        assertThat(backoff.run(runs::incrementAndGet)).isTrue();
    }

    void databaseOut() {
        throw new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));
    }
}
