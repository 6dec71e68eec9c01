package dev.ferry.webhook;

import dev.ferry.persistence.DatabaseFailures;
import dev.ferry.persistence.ThrottledLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The durable inbox. The future {@link #submit} returns completes only once the delivery is committed,
 * so Jira's 2xx always means "stored". Deliveries arriving together are written by one writer in one transaction (group
 * commit): the database sees one writer and one commit per batch instead of one per request.
 */
@Component
class Inbox implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    private static final int MAX_BATCH = 256;

    private final ThrottledLog outages = new ThrottledLog(log);
    private final InboxTable table;
    private final LastWebhookSeen lastSeen;
    private final Duration maxWait;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(8_192);
    private volatile boolean running;
    private Thread writer;

    Inbox(InboxTable table, LastWebhookSeen lastSeen, WebhookProperties properties) {
        this.table = table;
        this.lastSeen = lastSeen;
        this.maxWait = properties.storeTimeout();
    }

    /**
     * Queues the delivery for the writer. The future completes on the writer's thread once the delivery's
     * batch is committed (true: stored now; false: stored before), or exceptionally when it could not be
     * stored. Waits only while the queue is full.
     */
    CompletableFuture<Boolean> submit(InboundDelivery delivery) {
        Pending pending = new Pending(delivery, new CompletableFuture<>());
        try {
            if (running && queue.offer(pending, maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                return pending.stored();
            }
            return CompletableFuture.failedFuture(new InboxUnavailableException("the inbox is not accepting deliveries"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new InboxUnavailableException("interrupted while queueing"));
        }
    }

    private void writeUntilStopped() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<InboundDelivery> deliveries = batch.stream().map(Pending::delivery).toList();
        try {
            boolean[] stored = table.insertAll(deliveries);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).stored().complete(stored[i]);
            }
        } catch (RuntimeException batchFailed) {
            if (DatabaseFailures.isOutage(batchFailed)) {
                // One by one would only wait for the database once per delivery, past their store timeout.
                outages.warn("webhook deliveries not stored, the database is unavailable", batchFailed);
                batch.forEach(pending -> pending.stored().completeExceptionally(notStored()));
                return;
            }
            log.debug("batch of {} deliveries failed, storing them one by one: {}", batch.size(), batchFailed.toString());
            batch.forEach(this::writeAlone);
        }
        // After the answers: the admin page's "last webhook received" must not delay a delivery's 2xx.
        lastSeen.received(batch.stream().filter(pending -> !pending.stored().isCompletedExceptionally())
                .map(Pending::delivery).toList());
    }

    /** A batch can fail for one row (a duplicate on H2, or a raced-in one): the others must not fail with it. */
    private void writeAlone(Pending pending) {
        try {
            pending.stored().complete(table.insertOne(pending.delivery()));
        } catch (RuntimeException failed) {
            if (DatabaseFailures.isOutage(failed)) {
                outages.warn("webhook deliveries not stored, the database is unavailable", failed);
            } else {
                log.warn("webhook {} from {} could not be stored: {}", pending.delivery().webhookId(),
                        pending.delivery().clientKey(), failed.toString());
            }
            pending.stored().completeExceptionally(notStored());
        }
    }

    /** The cause stays in the log: the answer to Jira does not describe the database. */
    private static InboxUnavailableException notStored() {
        return new InboxUnavailableException("the delivery could not be stored");
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::writeUntilStopped, "inbox-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Stops after the web server (a lower phase stops later), writing what is already queued. */
    @Override
    public void stop() {
        running = false;
        try {
            writer.join(maxWait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }

    private record Pending(InboundDelivery delivery, CompletableFuture<Boolean> stored) {
    }
}
