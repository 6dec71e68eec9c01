package dev.ferry.ticket;

import dev.ferry.persistence.PollingWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finishes hand tickets left pending: Jira could not be asked when the request came, or the process died
 * between Jira's answer and its commit. One thread per node; rows are leased, so nodes never share one. Nothing
 * wakes it: the request files its own ticket, and what is left here waits out a retry delay or a lease anyway.
 */
@Component
class HandTicketWorker extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(HandTicketWorker.class);

    private final HandTicketStore store;
    private final HandTicketFiler filer;
    private final TicketProperties properties;

    HandTicketWorker(HandTicketStore store, HandTicketFiler filer, TicketProperties properties) {
        super("hand ticket worker", properties.workerEnabled(), 1, properties.pollInterval());
        this.store = store;
        this.filer = filer;
        this.properties = properties;
    }

    /** Works every pending hand ticket due now on the calling thread; returns how many it took. */
    @Override
    protected int drain() {
        return drainBatches(() -> store.claimDue(properties.batchSize(), properties.lease()), this::process);
    }

    private void process(HandTicketRow row) {
        try {
            filer.work(row);
        } catch (RuntimeException e) {
            // The lease brings the row back; one broken row must not stop the others.
            log.warn("hand ticket {} failed on Ferry's side: {}", row.id(), e.toString());
        }
    }
}
