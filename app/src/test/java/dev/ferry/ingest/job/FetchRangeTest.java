package dev.ferry.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.refusal.Refusal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FetchRangeTest {

    static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");

    @Test
    void datesAreWholeUtcDaysAndInstantsAreTakenAsGiven() {
        FetchRange days = FetchRange.parse("2026-11-01", "2026-11-30", NOW, 400);
        assertThat(days.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(days.to()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));

        FetchRange instants = FetchRange.parse("2026-11-01T10:00:00Z", "2026-11-01T12:30:00+01:00", NOW, 400);
        assertThat(instants.to()).isEqualTo(Instant.parse("2026-11-01T11:30:00Z"));
    }

    @Test
    void aRangeReachingPastNowIsCutAtNow() {
        assertThat(FetchRange.parse("2026-12-01", "2026-12-06", NOW, 400).to()).isEqualTo(NOW);
    }

    @Test
    void aRangeBackwardsTooLongInTheFutureOrUnreadableIsRefused() {
        refused("2026-11-30", "2026-11-01", "is after to");
        refused("2025-10-01", "2026-11-30", "over 400 days");
        refused("2026-12-07", "2026-12-08", "in the future");
        refused("yesterday", "2026-11-30", "not a date");
        refused(null, "2026-11-30", "from is required");
        refused("2026-11-01", " ", "to is required");
    }

    private static void refused(String from, String to, String words) {
        assertThatThrownBy(() -> FetchRange.parse(from, to, NOW, 400)).isInstanceOf(Refusal.class)
                .hasMessageContaining(words);
    }
}
