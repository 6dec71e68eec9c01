package dev.ferry.webhook;

import dev.ferry.logging.LogContext;
import dev.ferry.persistence.PollingWorker;
import dev.ferry.persistence.RetryDelay;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Works the inbox: claims due deliveries, processes each on its own, and records the outcomes. Any
 * number of nodes may run one against the same database. It runs on threads of its own
 * ({@code ferry.webhooks.worker-threads}), not on the shared scheduling thread, where each pruner or reconcile
 * run would hold the inbox up while webhooks kept arriving. Idle, it looks less and less often; a webhook stored on
 * this node wakes it at once.
 */
@Component
class InboxWorker extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    private static final Duration LAST_RETRY = Duration.ofHours(1);

    private final InboxQueue queue;
    private final DeliveryDispatcher dispatcher;
    private final WebhookProperties properties;

    InboxWorker(InboxQueue queue, DeliveryDispatcher dispatcher, WebhookProperties properties) {
        super("inbox worker", properties.workerEnabled(), properties.workerThreads(), properties.pollInterval());
        this.queue = queue;
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    /**
     * Processes everything due now; returns how many deliveries it took. A batch's outcomes are committed
     * together, with the claim of the next batch: on H2 every commit is a write to the file (and a wait for the
     * disk), and one per delivery made the file grow by tens of megabytes a second under load. A node dying
     * mid-batch leaves the whole batch to be processed again after the lease, which processing tolerates (an
     * issue event is applied only if newer, an activity is stored once under its natural key).
     */
    @Override
    protected int drain() {
        int taken = 0;
        List<InboxQueue.Outcome> outcomes = List.of();
        while (true) {
            List<StoredDelivery> batch = queue.recordAndClaim(outcomes, properties.batchSize(), properties.lease());
            outcomes = batch.stream().map(d -> LogContext.call(() -> outcome(d), LogContext.SITE, d.clientKey(),
                    LogContext.WEBHOOK, d.webhookId())).toList();
            taken += batch.size();
            if (batch.size() < properties.batchSize()) {
                // A short batch: nothing more is due now (or, on H2, another thread holds the rest).
                if (!outcomes.isEmpty()) {
                    queue.record(outcomes);
                }
                return taken;
            }
        }
    }

    /** A batch's outcomes commit together: under load, webhooks gather for a poll interval into larger batches. */
    @Override
    protected boolean gathersUnderLoad() {
        return true;
    }

    /** One delivery, recorded at once. */
    void process(StoredDelivery delivery) {
        queue.record(List.of(outcome(delivery)));
    }

    /** A failure stays with its delivery and never stops the batch. */
    private InboxQueue.Outcome outcome(StoredDelivery delivery) {
        try {
            String outcome = dispatcher.dispatch(delivery);
            log.debug("webhook {} {} from {}: {}", delivery.id(), delivery.event(), delivery.clientKey(), outcome);
            return InboxQueue.Outcome.finished(delivery, DeliveryStatus.PROCESSED, outcome);
        } catch (RejectedDeliveryException rejected) {
            log.info("webhook {} {} from {} rejected: {}", delivery.id(), delivery.event(), delivery.clientKey(),
                    rejected.getMessage());
            return InboxQueue.Outcome.finished(delivery, DeliveryStatus.REJECTED, rejected.getMessage());
        } catch (RuntimeException failure) {
            return failed(delivery, failure);
        }
    }

    private InboxQueue.Outcome failed(StoredDelivery delivery, RuntimeException failure) {
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (delivery.attempts() >= properties.maxAttempts()) {
            log.error("webhook {} {} from {} failed for good after {} attempts: {}", delivery.id(), delivery.event(),
                    delivery.clientKey(), delivery.attempts(), error);
            return InboxQueue.Outcome.finished(delivery, DeliveryStatus.FAILED, error);
        }
        log.warn("webhook {} {} from {} failed (attempt {}), will retry: {}", delivery.id(), delivery.event(),
                delivery.clientKey(), delivery.attempts(), error);
        return InboxQueue.Outcome.retry(delivery, backoff(delivery.attempts()), error);
    }

    static Duration backoff(int attempts) {
        return RetryDelay.doubling(FIRST_RETRY, LAST_RETRY, attempts);
    }
}
