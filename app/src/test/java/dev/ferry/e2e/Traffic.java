package dev.ferry.e2e;

import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.webhook.Delivery;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A product posting events and Jira sending webhooks to Ferry, each from threads of their own, without
 * pause for Ferry's restarts (a refused connection is tried again shortly). Remembers what Ferry
 * acknowledged: the ids of events answered 202 and the identifiers of webhooks answered 204.
 */
final class Traffic implements AutoCloseable {

    private static final Duration PACE = Duration.ofMillis(10);

    private final ProductApi api;
    private final JiraSimulator jira;
    private final String issueKey;
    private final Set<String> events = ConcurrentHashMap.newKeySet();
    private final Set<String> webhooks = ConcurrentHashMap.newKeySet();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final ExecutorService threads;
    private volatile boolean running = true;

    private Traffic(ProductApi api, JiraSimulator jira, String issueKey, int eventThreads, int webhookThreads) {
        this.api = api;
        this.jira = jira;
        this.issueKey = issueKey;
        this.threads = Executors.newFixedThreadPool(eventThreads + webhookThreads);
        for (int i = 0; i < eventThreads; i++) {
            int thread = i;
            threads.submit(() -> postEvents(thread));
        }
        for (int i = 0; i < webhookThreads; i++) {
            threads.submit(this::sendWebhooks);
        }
    }

    /** Starts the threads; webhooks are comments on {@code issueKey}, each event is about an object of its own. */
    static Traffic start(ProductApi api, JiraSimulator jira, String issueKey, int eventThreads, int webhookThreads) {
        return new Traffic(api, jira, issueKey, eventThreads, webhookThreads);
    }

    /** Waits until Ferry has acknowledged {@code more} further events or webhooks, so a kill lands mid-stream. */
    void awaitMoreAcknowledged(int more, Duration patience) throws InterruptedException {
        int target = acknowledged.get() + more;
        long deadline = System.nanoTime() + patience.toNanos();
        while (acknowledged.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Ferry acknowledged only " + (more - target + acknowledged.get())
                        + " of " + more + " within " + patience);
            }
            Thread.sleep(20);
        }
    }

    Set<String> acknowledgedEvents() {
        return Set.copyOf(events);
    }

    Set<String> acknowledgedWebhooks() {
        return Set.copyOf(webhooks);
    }

    private void postEvents(int thread) {
        for (int n = 0; running; n++) {
            try {
                ProductApi.Reply reply = api.post("/api/v1/events", event("obj-" + thread + "-" + n));
                if (reply.status() == 202) {
                    events.add(reply.json().path("id").asString());
                    acknowledged.incrementAndGet();
                }
            } catch (IllegalStateException down) {
                // Killed or not up yet: this event was never acknowledged.
                pause(Duration.ofMillis(50));
            }
            pause(PACE);
        }
    }

    private void sendWebhooks() {
        while (running) {
            Delivery delivery = jira.site().prepareWebhook("comment_created", issueKey, Map.of(), Instant.now());
            try {
                if (jira.site().send(delivery).status() == 204) {
                    webhooks.add(delivery.identifier());
                    acknowledged.incrementAndGet();
                }
            } catch (UncheckedIOException down) {
                pause(Duration.ofMillis(50));
            }
            pause(PACE);
        }
    }

    private static String event(String objectId) {
        return """
                {"type":"experiment.guardrail_breached",
                 "subject":{"type":"experiment","id":"%s","title":"Experiment %s","url":"https://exp.example/%s"},
                 "variables":{"experimentName":"Experiment %s","guardrailMetric":"Error rate","observedValue":0.05,
                   "thresholdValue":0.03,"breachDirection":"above","detectedAt":"2026-11-25T10:00:00Z",
                   "resultsUrl":"https://exp.example/%s/results"}}""".formatted(objectId, objectId, objectId, objectId, objectId);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops sending and waits for the answers still on their way, so what is remembered is final. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        threads.shutdown();
        if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("traffic threads did not stop");
        }
    }
}
