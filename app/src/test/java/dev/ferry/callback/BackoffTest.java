package dev.ferry.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theWaitDoublesWithEachFailedAttemptUpToTheLongest() {
        Backoff middle = new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), () -> 0.5);

        assertThat(middle.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(middle.after(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(middle.after(5)).isEqualTo(Duration.ofSeconds(80));
        assertThat(middle.after(12)).isEqualTo(Duration.ofHours(1));
        assertThat(middle.after(400)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jitterSpreadsEachWaitByAFifthEitherWay() {
        assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), () -> 0.0).after(1))
                .isEqualTo(Duration.ofSeconds(8));
        assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), () -> 0.999_999).after(1))
                .isEqualTo(Duration.ofMillis(12_000));
    }
}
