package dev.ferry.jira;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Atlassian's retry advice as numbers: 2 s doubling to 30 s, ×0.7–1.3 jitter, Retry-After first, four retries. */
class BackoffTest {

    final Backoff backoff = new Backoff(new JiraProperties(Duration.ofSeconds(5), Duration.ofSeconds(20), 10,
            Duration.ofSeconds(2), Duration.ofSeconds(30), 4, Duration.ofSeconds(10)));

    @RepeatedTest(20)
    void theWaitDoublesWithinTheJitter() {
        assertThat(backoff.delay(1, null)).isBetween(Duration.ofMillis(1400), Duration.ofMillis(2600));
        assertThat(backoff.delay(3, null)).isBetween(Duration.ofMillis(5600), Duration.ofMillis(10400));
    }

    @RepeatedTest(20)
    void theWaitStopsGrowingAtTheCap() {
        assertThat(backoff.delay(12, null)).isBetween(Duration.ofSeconds(21), Duration.ofSeconds(39));
    }

    @Test
    void jirasRetryAfterIsWaitedInFull() {
        assertThat(backoff.delay(1, Duration.ofSeconds(17))).isEqualTo(Duration.ofSeconds(17));
    }

    @Test
    void fourRetriesAreAllowedAndNoFifth() {
        assertThat(backoff.allows(4)).isTrue();
        assertThat(backoff.allows(5)).isFalse();
    }
}
