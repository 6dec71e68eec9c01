package dev.ferry.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** The labels Ferry's meters are recorded under, whatever the source hands them. */
class FerryMetersTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final FerryMeters meters = new FerryMeters(registry);

    @Test
    void jirasStatusesAreCountedByClassWith429ApartAndNoAnswerAsNone() {
        assertThat(FerryMeters.JiraStatus.of(201)).isEqualTo("2xx");
        assertThat(FerryMeters.JiraStatus.of(404)).isEqualTo("4xx");
        assertThat(FerryMeters.JiraStatus.of(429)).isEqualTo("429");
        assertThat(FerryMeters.JiraStatus.of(503)).isEqualTo("5xx");
        assertThat(FerryMeters.JiraStatus.of(0)).isEqualTo("none");
    }

    @Test
    void aCallWithoutAnAnswerIsTimedAsNoneAndItsFailureGoesOnUnchanged() {
        assertThatThrownBy(() -> meters.jiraCall(() -> {
            throw new ConnectException("refused");
        })).isInstanceOf(IOException.class).hasMessage("refused");

        assertThat(registry.get(FerryMeters.JIRA_REQUESTS).tag("status", "none").timer().count()).isEqualTo(1);
        assertThat(registry.get(FerryMeters.JIRA_REQUESTS).tag("status", "2xx").timer().count()).isZero();
    }

    @Test
    void aDeliveryStatusIsItsOutcome() {
        meters.delivery("DONE");
        meters.delivery("PENDING");
        meters.delivery("WAITING");
        meters.delivery("WAITING");

        assertThat(registry.get(FerryMeters.DELIVERIES).tag("outcome", "done").counter().count()).isEqualTo(1);
        assertThat(registry.get(FerryMeters.DELIVERIES).tag("outcome", "retried").counter().count()).isEqualTo(1);
        assertThat(registry.get(FerryMeters.DELIVERIES).tag("outcome", "parked").counter().count()).isEqualTo(2);
        assertThat(registry.get(FerryMeters.DELIVERIES).tag("outcome", "failed").counter().count()).as("there at 0")
                .isZero();
    }

    @Test
    void theWaitForAPermitIsTimedEvenWhenTheGateRefuses() {
        assertThatThrownBy(() -> meters.rateWait(() -> {
            throw new IllegalStateException("no room before the deadline");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(registry.get(FerryMeters.RATE_WAIT).timer().count()).isEqualTo(1);
    }

    @Test
    void noneCountsNothingAnywhere() {
        FerryMeters.NONE.delivery("DONE");
        FerryMeters.NONE.callbackFailed(true);

        assertThat(registry.find(FerryMeters.DELIVERIES).tag("outcome", "done").counter().count()).isZero();
    }
}
