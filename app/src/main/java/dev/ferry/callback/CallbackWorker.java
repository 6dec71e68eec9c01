package dev.ferry.callback;

import dev.ferry.logging.LogContext;
import dev.ferry.metrics.FerryMeters;
import dev.ferry.persistence.PollingWorker;
import dev.ferry.persistence.DatabaseFailures;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sends due callback messages, one at a time, on one thread per node; any number of nodes may run against one
 * database. A failed attempt (an answer other than 2xx, no answer in time, no connection) is tried again with
 * back-off until the retry window ends ({@link RetryWindow}), then the message is FAILED. A message written or sent
 * again on this node wakes it ({@link CallbackOutbox}); an idle one looks less and less often.
 */
@Component
class CallbackWorker extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(CallbackWorker.class);

    private final CallbackOutbox outbox;
    private final CallbackEndpoints endpoints;
    private final CallbackSecrets secrets;
    private final CallbackSender sender;
    private final CallbackProperties properties;
    private final Backoff backoff;
    private final RetryWindow window;
    private final Clock clock;
    @Autowired(required = false)
    private FerryMeters meters = FerryMeters.NONE;

    CallbackWorker(CallbackOutbox outbox, CallbackEndpoints endpoints, CallbackSecrets secrets, CallbackSender sender,
            CallbackProperties properties, Clock clock) {
        super("callback worker", properties.workerEnabled(), 1, properties.pollInterval());
        this.outbox = outbox;
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.sender = sender;
        this.properties = properties;
        this.backoff = new Backoff(properties.backoffInitial(), properties.backoffMax(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.window = new RetryWindow(properties.retryWindow());
        this.clock = clock;
    }

    /** Sends everything due now on the calling thread; answers how many attempts it made. */
    @Override
    protected int drain() {
        return drainBatches(() -> outbox.claim(properties.batchSize(), properties.lease()), m -> LogContext.run(() -> processAlone(m),
                LogContext.CALLBACK, m.id(), LogContext.WEBHOOK, m.webhookId()));
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
        Optional<Instant> next = window.nextAttempt(message.windowFrom(), clock.instant(),
                backoff.after(message.attempts()));
        outbox.attempted(message, next.isEmpty() ? "FAILED" : "PENDING", sent.status(), sent.answer(), error,
                next.orElse(null));
        meters.callbackFailed(next.isEmpty());
        log.info("callback message {} ({}) to endpoint {}, attempt {}: {}; {}", message.id(), message.webhookId(),
                message.endpointId(), message.attempts(), error, next.map(at -> "again at " + at).orElse("failed for good"));
    }
}
