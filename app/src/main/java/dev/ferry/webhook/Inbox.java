package dev.ferry.webhook;

import dev.ferry.persistence.DatabaseFailures;
import dev.ferry.persistence.GroupCommit;
import dev.ferry.persistence.GroupCommitLifecycle;
import dev.ferry.persistence.NewWork;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The durable inbox. The future {@link #submit} returns completes only once the delivery is committed,
 * so Jira's 2xx always means "stored". Deliveries arriving together are written by one writer in one transaction
 * ({@link GroupCommit}): the database sees one writer and one commit per batch instead of one per request. The writer
 * stops after the web server (a lower phase stops later), writing what is already queued.
 */
@Component
class Inbox extends GroupCommitLifecycle<InboundDelivery, Boolean> {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    private static final int MAX_BATCH = 256;

    private final InboxTable table;
    private final LastWebhookSeen lastSeen;
    private final ApplicationEventPublisher events;
    private final Duration maxWait;

    Inbox(InboxTable table, LastWebhookSeen lastSeen, ApplicationEventPublisher events, WebhookProperties properties) {
        super("inbox", MAX_BATCH, 8_192, 1, properties.storeTimeout());
        this.table = table;
        this.lastSeen = lastSeen;
        this.events = events;
        this.maxWait = properties.storeTimeout();
    }

    /**
     * Queues the delivery for the writer. The future completes on the writer's thread once the delivery's
     * batch is committed (true: stored now; false: stored before), or exceptionally when it could not be
     * stored. Waits only while the queue is full.
     */
    CompletableFuture<Boolean> submit(InboundDelivery delivery) {
        // The cause stays in the log: the answer to Jira does not describe the database.
        return writes().submit(delivery, maxWait).exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                new InboxUnavailableException("the delivery could not be stored")));
    }

    @Override
    public List<Boolean> writeAll(List<InboundDelivery> deliveries) {
        boolean[] stored = table.insertAll(deliveries);
        Boolean[] answers = new Boolean[stored.length];
        for (int i = 0; i < stored.length; i++) {
            answers[i] = stored[i];
        }
        return List.of(answers);
    }

    /** A batch can fail for one row (a duplicate on H2, or a raced-in one): the others must not fail with it. */
    @Override
    public Boolean writeOne(InboundDelivery delivery) {
        try {
            return table.insertOne(delivery);
        } catch (RuntimeException failed) {
            if (!DatabaseFailures.isOutage(failed)) {
                log.warn("webhook {} from {} could not be stored: {}", delivery.webhookId(), delivery.clientKey(),
                        failed.toString());
            }
            throw failed;
        }
    }

    /**
     * After the answers: the admin page's "last webhook received" must not delay a delivery's 2xx. This node's inbox
     * worker, asleep while the inbox was empty, looks at once.
     */
    @Override
    public void written(List<InboundDelivery> deliveries) {
        events.publishEvent(new NewWork(InboxWorker.class));
        lastSeen.received(deliveries);
    }
}
