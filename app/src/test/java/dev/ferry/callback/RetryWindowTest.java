package dev.ferry.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A failed callback is tried again for 24 hours from when it was written, the last try on the window's end. */
class RetryWindowTest {

    static final Instant WRITTEN = Instant.parse("2026-12-01T08:00:00Z");
    static final Duration HOUR = Duration.ofHours(1);

    final RetryWindow window = new RetryWindow(defaults().retryWindow());

    @Test
    void theWindowIsTwentyFourHoursUnlessSet() {
        assertThat(defaults().retryWindow()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aFailureEarlyInTheWindowWaitsOutItsBackoff() {
        Instant now = WRITTEN.plus(Duration.ofMinutes(3));

        assertThat(window.nextAttempt(WRITTEN, now, Duration.ofSeconds(40))).contains(now.plusSeconds(40));
    }

    @Test
    void aFailureTwentyThreeHoursFiftyNineMinutesInStaysPendingForOneLastTryOnTheWindowsEnd() {
        Instant now = WRITTEN.plus(Duration.ofHours(23).plusMinutes(59));

        assertThat(window.nextAttempt(WRITTEN, now, HOUR)).as("still pending, tried again at the end")
                .contains(WRITTEN.plus(Duration.ofHours(24)));
        assertThat(window.nextAttempt(WRITTEN, now, Duration.ofSeconds(5))).contains(now.plusSeconds(5));
    }

    @Test
    void aFailureAtOrPastTwentyFourHoursIsFinal() {
        assertThat(window.nextAttempt(WRITTEN, WRITTEN.plus(Duration.ofHours(24)), Duration.ofSeconds(5))).isEmpty();
        assertThat(window.nextAttempt(WRITTEN, WRITTEN.plus(Duration.ofHours(24)).plusSeconds(1), Duration.ofSeconds(5)))
                .isEmpty();
    }

    /** The settings as Ferry binds them when nothing is set. */
    private static CallbackProperties defaults() {
        return new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("ferry.callbacks",
                CallbackProperties.class);
    }
}
