package dev.ferry.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The counters and timers Ferry records at their sources, each with one line there: Jira calls by status and
 * their latency, the wait for a site's rate budget, deliveries by outcome, callback failures. Meters are made
 * once per tag value and kept, so a hook costs a map lookup and an increment. Classes built by hand (unit tests)
 * keep {@link #NONE}, whose meters count nothing.
 */
@Component
public class FerryMeters {

    /** Meters that go nowhere: a registry with no registries under it. */
    public static final FerryMeters NONE = new FerryMeters(new CompositeMeterRegistry());

    static final String JIRA_REQUESTS = "ferry.jira.requests";
    static final String RATE_WAIT = "ferry.jira.rate.wait";
    static final String DELIVERIES = "ferry.deliveries";
    static final String CALLBACK_FAILURES = "ferry.callback.failures";

    private final MeterRegistry registry;
    private final Map<String, Timer> jiraByStatus = new ConcurrentHashMap<>();
    private final Map<String, Counter> deliveriesByOutcome = new ConcurrentHashMap<>();
    private final Map<Boolean, Counter> callbackFailures = new ConcurrentHashMap<>();
    private final Timer rateWait;

    public FerryMeters(MeterRegistry registry) {
        this.registry = registry;
        this.rateWait = Timer.builder(RATE_WAIT).description("Time a Jira call waited for its site's request budget")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60)).register(registry);
        // Every series from the start, at 0: a rate over the first increment needs the 0 before it.
        List.of("2xx", "3xx", "4xx", "429", "5xx", "none").forEach(this::jiraTimer);
        List.of("DONE", "FAILED", "SKIPPED", "PENDING", "WAITING").forEach(this::deliveryCounter);
        List.of(true, false).forEach(this::callbackCounter);
    }

    /** A request to Jira or Confluence: its answer, timed and counted by status ({@code none} when no answer came). */
    public <T> HttpResponse<T> jiraCall(HttpCall<T> call) throws IOException, InterruptedException {
        long start = System.nanoTime();
        int status = 0;
        try {
            HttpResponse<T> response = call.send();
            status = response.statusCode();
            return response;
        } finally {
            jiraTimer(JiraStatus.of(status)).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** Times the wait for a permit of a site's request budget (nothing when it is granted at once). */
    public void rateWait(Runnable take) {
        long start = System.nanoTime();
        try {
            take.run();
        } finally {
            rateWait.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * A ticket delivery left the worker's hands: {@code DONE}, {@code FAILED} or {@code SKIPPED} for good, or
     * {@code PENDING} (to be retried) / {@code WAITING} (parked until something is repaired).
     */
    public void delivery(String status) {
        deliveryCounter(status).increment();
    }

    /** A callback attempt that did not get a 2xx; {@code gaveUp} once its retry window is over. */
    public void callbackFailed(boolean gaveUp) {
        callbackCounter(gaveUp).increment();
    }

    private Counter deliveryCounter(String status) {
        return deliveriesByOutcome.computeIfAbsent(status, s -> Counter.builder(DELIVERIES)
                .description("Ticket deliveries by outcome").tag("outcome", DeliveryOutcome.of(s)).register(registry));
    }

    private Counter callbackCounter(boolean gaveUp) {
        return callbackFailures.computeIfAbsent(gaveUp, g -> Counter.builder(CALLBACK_FAILURES)
                .description("Callback attempts that failed").tag("gave_up", String.valueOf(g)).register(registry));
    }

    private Timer jiraTimer(String status) {
        return jiraByStatus.computeIfAbsent(status, s -> Timer.builder(JIRA_REQUESTS)
                .description("Requests to Jira and Confluence, by status (429 apart)").tag("status", s)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry));
    }

    /** One HTTP exchange, as {@code HttpClient.send} throws. */
    @FunctionalInterface
    public interface HttpCall<T> {
        HttpResponse<T> send() throws IOException, InterruptedException;
    }

    /** The status label: a class ({@code 2xx}…), {@code 429} on its own (Jira's rate limit), {@code none} without answer. */
    static final class JiraStatus {

        private JiraStatus() {
        }

        static String of(int status) {
            if (status == 429) {
                return "429";
            }
            return status < 100 ? "none" : status / 100 + "xx";
        }
    }

    /** The outcome label of a delivery's status. */
    static final class DeliveryOutcome {

        private DeliveryOutcome() {
        }

        static String of(String status) {
            return switch (status) {
                case "PENDING" -> "retried";
                case "WAITING" -> "parked";
                default -> status.toLowerCase(Locale.ROOT);
            };
        }
    }
}
