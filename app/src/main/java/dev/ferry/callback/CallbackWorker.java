package dev.ferry.callback;

import dev.ferry.persistence.DatabaseFailures;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due callback messages, one at a time, on one thread per node; any number of nodes may run against one
 * database. A failed attempt is tried again with back-off until the retry window ends, then the message is FAILED.
 */
@Component
class CallbackWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CallbackWorker.class);

    private final CallbackOutbox outbox;
    private final CallbackEndpoints endpoints;
    private final CallbackSecrets secrets;
    private final CallbackSender sender;
    private final CallbackProperties properties;
    private final Backoff backoff;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;

    CallbackWorker(CallbackOutbox outbox, CallbackEndpoints endpoints, CallbackSecrets secrets, CallbackSender sender,
            CallbackProperties properties, Clock clock) {
        this.outbox = outbox;
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.sender = sender;
        this.properties = properties;
        this.backoff = new Backoff(properties.backoffInitial(), properties.backoffMax(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.clock = clock;
    }

    /** Sends everything due now on the calling thread; answers how many attempts it made. */
    int drain() {
        int taken = 0;
        List<CallbackMessage> batch;
        do {
            batch = outbox.claim(properties.batchSize(), properties.lease());
            batch.forEach(this::processAlone);
            taken += batch.size();
        } while (!batch.isEmpty());
        return taken;
    }

    /** A failure stays with its message (its lease brings it back) and never stops the batch. */
    private void processAlone(CallbackMessage message) {
        try {
            process(message);
        } catch (RuntimeException e) {
            if (DatabaseFailures.isOutage(e)) {
                throw e;
            }
            log.warn("callback message {} failed on Ferry's side: {}", message.id(), e.toString());
        }
    }

    void process(CallbackMessage message) {
        if (!outbox.begin(message, properties.lease())) {
            log.info("callback message {}: claim {} ran out before its turn", message.id(), message.attempts());
            return;
        }
        Optional<CallbackEndpoint> endpoint = endpoints.find(message.endpointId());
        if (endpoint.isEmpty()) {
            return; // deleted meanwhile: its messages went with it
        }
        CallbackSender.Sent sent = sender.send(endpoint.get().url(), secrets.open(endpoint.get()), message);
        if (sent.delivered()) {
            outbox.attempted(message, "DELIVERED", sent.status(), sent.answer(), null, null);
            log.info("callback message {} ({} {}) delivered to endpoint {} on attempt {}", message.id(),
                    message.eventType(), message.webhookId(), message.endpointId(), message.attempts());
            return;
        }
        String error = sent.error() != null ? sent.error() : "the endpoint answered " + sent.status();
        Instant next = clock.instant().plus(backoff.after(message.attempts()));
        boolean giveUp = next.isAfter(message.windowFrom().plus(properties.retryWindow()));
        outbox.attempted(message, giveUp ? "FAILED" : "PENDING", sent.status(), sent.answer(), error,
                giveUp ? null : next);
        log.info("callback message {} ({}) to endpoint {}, attempt {}: {}; {}", message.id(), message.webhookId(),
                message.endpointId(), message.attempts(), error, giveUp ? "failed for good" : "again at " + next);
    }

    @Override
    public void start() {
        if (!properties.workerEnabled() || !running.compareAndSet(false, true)) {
            return;
        }
        thread = new Thread(this::loop, "ferry-callbacks");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running.get()) {
            try {
                if (drain() == 0) {
                    Thread.sleep(properties.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("callback worker: {}", DatabaseFailures.isOutage(e) ? "database out" : e.toString());
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(properties.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
