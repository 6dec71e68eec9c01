package dev.ferry.ticket;

import dev.ferry.persistence.OutageBackoff;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Finishes hand tickets left pending: Jira could not be asked when the request came, or the process died
 * between Jira's answer and its commit. One thread per node; rows are leased, so nodes never share one.
 */
@Component
class HandTicketWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HandTicketWorker.class);

    private final OutageBackoff outage = new OutageBackoff("hand ticket worker", log);
    private final HandTicketStore store;
    private final HandTicketFiler filer;
    private final TicketProperties properties;
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;

    HandTicketWorker(HandTicketStore store, HandTicketFiler filer, TicketProperties properties) {
        this.store = store;
        this.filer = filer;
        this.properties = properties;
    }

    /** Works every pending hand ticket due now on the calling thread; returns how many it took. */
    int drain() {
        int taken = 0;
        List<HandTicketRow> batch;
        do {
            batch = store.claimDue(properties.batchSize(), properties.lease());
            batch.forEach(this::process);
            taken += batch.size();
        } while (!batch.isEmpty());
        return taken;
    }

    private void process(HandTicketRow row) {
        try {
            filer.work(row);
        } catch (RuntimeException e) {
            // The lease brings the row back; one broken row must not stop the others.
            log.warn("hand ticket {} failed on Ferry's side: {}", row.id(), e.toString());
        }
    }

    @Override
    public void start() {
        if (!properties.workerEnabled() || !running.compareAndSet(false, true)) {
            return;
        }
        thread = new Thread(this::loop, "ferry-hand-tickets");
        thread.setDaemon(true);
        thread.start();
    }

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
                log.warn("hand ticket worker could not claim work: {}", e.toString());
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
            thread.interrupt();
            try {
                thread.join(10_000);
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
