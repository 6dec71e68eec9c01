package dev.ferry.objectstate;

import dev.ferry.persistence.DatabaseFailures;
import dev.ferry.persistence.OutageBackoff;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Works the comment outbox with a few threads per node, any number of nodes against one database. Each
 * comment is handled on its own: a failure stays with it and never stops the others.
 */
@Component
class ObjectStateWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ObjectStateWorker.class);

    private final OutageBackoff outage = new OutageBackoff("object state worker", log);
    private final CommentOutbox outbox;
    private final ObjectCommenter commenter;
    private final CommentFailures failures;
    private final ObjectStateProperties properties;
    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService threads;

    ObjectStateWorker(CommentOutbox outbox, ObjectCommenter commenter, CommentFailures failures,
            ObjectStateProperties properties) {
        this.outbox = outbox;
        this.commenter = commenter;
        this.failures = failures;
        this.properties = properties;
    }

    /** Writes every comment due now on the calling thread; returns how many it took. */
    int drain() {
        int taken = 0;
        List<ClaimedComment> batch;
        do {
            batch = outbox.claim(properties.batchSize(), properties.lease());
            batch.forEach(this::process);
            taken += batch.size();
        } while (!batch.isEmpty());
        return taken;
    }

    void process(ClaimedComment row) {
        try {
            if (outbox.begin(row, properties.lease())) {
                commenter.write(row);
            } else {
                log.info("object comment {}: claim {} ran out before its turn; another worker has it", row.id(),
                        row.attempts());
            }
        } catch (CommentOutbox.LeaseLost e) {
            log.info("{}; this worker lets it go", e.getMessage());
        } catch (RuntimeException e) {
            if (DatabaseFailures.isOutage(e)) {
                throw e; // nothing to record it in: the loop waits the outage out, the lease brings the row back
            }
            log.warn("object comment {} failed on Ferry's side", row.id(), e);
            failures.failed(row, "Ferry failed on its side (object comment " + row.id() + "); it tries again");
        }
    }

    @Override
    public void start() {
        if (!properties.workerEnabled() || !running.compareAndSet(false, true)) {
            return;
        }
        threads = Executors.newFixedThreadPool(properties.workerThreads(), runnable -> {
            Thread thread = new Thread(runnable, "ferry-object-state");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < properties.workerThreads(); i++) {
            threads.submit(this::loop);
        }
    }

    /** While the database is out, one thread at a time tries it again, less and less often. */
    private void loop() {
        while (running.get()) {
            try {
                if (outage.attempt(this::drain, 0) == 0) {
                    Thread.sleep(Math.max(properties.pollInterval().toMillis(), outage.remaining().toMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("object state worker could not claim work: {}", e.toString());
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(properties.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            threads.shutdownNow();
            try {
                threads.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
