package dev.ferry.delivery;

import dev.ferry.logging.LogContext;
import dev.ferry.persistence.PollingWorker;
import dev.ferry.jira.JiraException;
import dev.ferry.template.InvalidTemplateException;
import dev.ferry.persistence.DatabaseFailures;
import dev.ferry.event.ProductEvent;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Works the ticket outbox: per node one claimer takes as many due deliveries (with their lanes) as there are free
 * I/O threads and hands them over; any number of nodes may run against one database. Intake wakes the claimer
 * when it commits new deliveries on this node. Each delivery is handled on its own: a failure stays with it and
 * never stops the others.
 */
@Component
class DeliveryWorker extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Outbox outbox;
    private final Jobs jobs;
    private final TicketFiler filer;
    private final DeliveryCompletion completion;
    private final DeliveryFailures failures;
    private final DeliveryProperties properties;

    DeliveryWorker(Outbox outbox, Jobs jobs, TicketFiler filer, DeliveryCompletion completion,
            DeliveryFailures failures, DeliveryProperties properties) {
        super("delivery worker", properties.workerEnabled(), properties.workerThreads(), properties.pollInterval(),
                properties.idlePollMax());
        this.outbox = outbox;
        outbox.onNewWork(this::wake);
        this.jobs = jobs;
        this.filer = filer;
        this.completion = completion;
        this.failures = failures;
        this.properties = properties;
    }

    /** Processes everything due now on the calling thread; returns how many deliveries it took. */
    @Override
    protected int drain() {
        int taken = 0;
        List<OutboundDelivery> batch;
        do {
            batch = outbox.claim(properties.batchSize(), properties.lease());
            Map<String, ProductEvent> events = batch.isEmpty() ? Map.of() : jobs.eventsOf(batch);
            batch.forEach(delivery -> processLogged(delivery, events.get(delivery.eventId())));
            taken += batch.size();
        } while (!batch.isEmpty());
        return taken;
    }

    /**
     * Claims no more than the free I/O threads can start on now, so no claimed delivery waits in a queue. A claim that
     * came back full says more may be due: the claimer then looks again at once rather than after a poll interval,
     * even when it asked for a batch smaller than its free threads or some of it went back for their lanes (with
     * 160 threads and batches of 20 it otherwise took at most 20 deliveries per poll interval).
     */
    @Override
    protected int poll(int free) {
        Outbox.Claim claim = outbox.claimBatch(Math.min(free, properties.batchSize()), properties.lease());
        List<OutboundDelivery> claimed = claim.deliveries();
        if (!claimed.isEmpty()) {
            Map<String, ProductEvent> events = jobs.eventsOf(claimed);
            claimed.forEach(delivery -> hand(() -> processLogged(delivery, events.get(delivery.eventId()))));
        }
        return claim.full() ? Math.max(free, claimed.size()) : claimed.size();
    }

    /** {@link #process} with the delivery's ids in the log context. */
    private void processLogged(OutboundDelivery delivery, ProductEvent event) {
        LogContext.run(() -> process(delivery, event), LogContext.DELIVERY, delivery.id(), LogContext.EVENT,
                delivery.eventId(), LogContext.SITE, delivery.clientKey());
    }

    void process(OutboundDelivery delivery) {
        process(delivery, null);
    }

    private void process(OutboundDelivery delivery, ProductEvent event) {
        boolean done = false;
        try {
            done = work(delivery, event);
        } catch (LeaseLostException e) {
            done = true; // the lane is the new claim's now (same holder): not this copy's to let go
            log.info("{}; this worker lets it go", e.getMessage());
        } finally {
            if (!done) {
                try {
                    outbox.releaseLane(delivery);
                } catch (RuntimeException e) {
                    log.info("delivery {}: lane left to its lease: {}", delivery.id(), e.toString());
                }
            }
        }
    }

    /** True when the delivery ended done (its lane let go with it). */
    private boolean work(OutboundDelivery delivery, ProductEvent event) {
        Job job = null;
        try {
            Jobs.Loaded loaded = jobs.load(delivery, event);
            if (loaded instanceof Jobs.Skip skip) {
                outbox.finish(delivery, TicketDeliveryStatus.SKIPPED, skip.reason());
            } else if (loaded instanceof Jobs.Wait wait) {
                failures.park(delivery, wait.reason());
            } else if (loaded instanceof Jobs.Ready ready) {
                job = ready.job();
                deliver(job);
                return true;
            }
        } catch (LeaseLostException e) {
            throw e;
        } catch (JiraException e) {
            if (job == null) {
                log.info("delivery {}: Jira failed while loading it: {}", delivery.id(), e.getMessage());
                failures.failed(delivery, DeliveryErrors.jiraUnavailable(e));
            } else {
                failures.jiraRefused(job, e);
            }
        } catch (InvalidTemplateException e) {
            failures.templateRefused(delivery, e.getMessage());
        } catch (org.springframework.dao.TransientDataAccessException e) {
            log.info("delivery {}: database contention: {}", delivery.id(), e.getMessage());
            failures.failed(delivery, DeliveryErrors.databaseBusy());
        } catch (RuntimeException e) {
            if (DatabaseFailures.isOutage(e)) {
                throw e; // nothing to record it in: the loop waits the outage out, the lease brings the delivery back
            }
            log.warn("delivery {} failed on Ferry's side", delivery.id(), e);
            failures.failed(delivery, DeliveryErrors.ferrySide(delivery.id()));
        }
        return false;
    }

    private void deliver(Job job) {
        TicketFiler.Filed filed = filer.file(job);
        try {
            completion.linkBack(job, filed);
        } catch (RuntimeException e) {
            // The ticket stays known to the retry, which then needs no search in Jira for it.
            outbox.ticketKnown(job.delivery(), filed.issueId(), filed.issueKey(), filed.outcome());
            throw e;
        }
        completion.complete(job, filed);
        log.info("delivery {} (event {} {}) {} {} on {}", job.delivery().id(), job.event().id(), job.event().type(),
                filed.outcome(), filed.issueKey(), job.delivery().clientKey());
    }
}
