package dev.ferry.jira;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The recovery search reaches from before the write attempt to now, in whole minutes, within a week. */
class RecoveryWindowTest {

    static final Instant ATTEMPTED = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void theElapsedMinutesAreRoundedUpAndTheMarginAdded() {
        assertThat(RecoveryWindow.minutes(ATTEMPTED, ATTEMPTED.plusSeconds(60 * 60 + 1))).isEqualTo(61 + 5);
        assertThat(RecoveryWindow.minutes(ATTEMPTED, ATTEMPTED.plusSeconds(60 * 60))).isEqualTo(60 + 5);
    }

    @Test
    void aWriteAttemptedJustNowIsLookedForInTheMarginAlone() {
        assertThat(RecoveryWindow.minutes(ATTEMPTED, ATTEMPTED)).isEqualTo(5);
    }

    @Test
    void aClockSetBackCountsAsNoTimeElapsed() {
        assertThat(RecoveryWindow.minutes(ATTEMPTED, ATTEMPTED.minusSeconds(600))).isEqualTo(5);
    }

    @Test
    void aWriteAttemptedMoreThanAWeekAgoIsLookedForInTheLastWeekOnly() {
        assertThat(RecoveryWindow.minutes(ATTEMPTED, ATTEMPTED.plus(Duration.ofDays(30))))
                .isEqualTo(Duration.ofDays(7).toMinutes());
    }
}
