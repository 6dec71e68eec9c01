package dev.ferry.auditcollector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.refusal.BodyChecks;
import dev.ferry.refusal.InvalidBody;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A collector's settings as typed: every bad one named at once, the good ones read as meant. */
class CollectorInputTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final Duration MIN = Duration.ofMinutes(1);

    @Test
    void aDateStartsAtItsMidnightUtcAndAnInstantAsWritten() {
        BodyChecks checks = new BodyChecks();

        assertThat(CollectorInput.startFrom(checks, "2026-12-01", NOW)).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(CollectorInput.startFrom(checks, "2026-12-06T11:59:00Z", NOW))
                .isEqualTo(Instant.parse("2026-12-06T11:59:00Z"));
        assertThat(CollectorInput.startFrom(checks, " ", NOW)).isNull();
        checks.refuseIfAny();
    }

    @Test
    void minutesOrAnIsoDurationWithinTheBoundsAreTheInterval() {
        BodyChecks checks = new BodyChecks();

        assertThat(CollectorInput.interval(checks, 5, null, MIN)).isEqualTo(Duration.ofMinutes(5));
        assertThat(CollectorInput.interval(checks, null, "PT24H", MIN)).isEqualTo(Duration.ofHours(24));
        assertThat(CollectorInput.interval(checks, null, null, MIN)).isNull();
        checks.refuseIfAny();
    }

    @Test
    void everyBadSettingIsNamedInOneRefusal() {
        BodyChecks checks = new BodyChecks();
        CollectorInput.interval(checks, 0, null, MIN);
        CollectorInput.startFrom(checks, "2026-12-07", NOW);
        CollectorInput.filter(checks, "x".repeat(256));

        assertThatThrownBy(checks::refuseIfAny).isInstanceOfSatisfying(InvalidBody.class, refused -> assertThat(
                refused.errors()).extracting(error -> error.pointer())
                .containsExactly("/pollMinutes", "/startFrom", "/filter"));
    }

    @Test
    void aStartMoreThan400DaysAgoAndAnIntervalOverADayAreRefused() {
        BodyChecks checks = new BodyChecks();
        CollectorInput.startFrom(checks, "2025-11-01", NOW);
        CollectorInput.interval(checks, null, "PT24H1M", MIN);
        CollectorInput.interval(checks, 5, "PT5M", MIN);

        assertThatThrownBy(checks::refuseIfAny).hasMessageContaining("400 days ago")
                .hasMessageContaining("at most 24 hours").hasMessageContaining("not both");
    }

    @Test
    void intervalsAreWrittenInTheirLargestWholeUnit() {
        assertThat(CollectorInput.words(Duration.ofMinutes(5))).isEqualTo("5 minutes");
        assertThat(CollectorInput.words(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(CollectorInput.words(Duration.ofSeconds(90))).isEqualTo("90 seconds");
    }
}
