package dev.ferry.delivery;

import dev.ferry.persistence.PollingWorker;
import dev.ferry.jira.JiraException;
import dev.ferry.template.InvalidTemplateException;
import dev.ferry.persistence.DatabaseFailures;
import java.util.List;
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
        return drainBatches(() -> outbox.claim(properties.batchSize(), properties.lease()), this::process);
    }

    /** Claims no more than the free I/O threads can start on now, so no claimed delivery waits in a queue. */
    @Override
    protected int poll(int free) {
        List<OutboundDelivery> claimed = outbox.claim(Math.min(free, properties.batchSize()), properties.lease());
        claimed.forEach(delivery -> hand(() -> process(delivery)));
        return claimed.size();
    }

    void process(OutboundDelivery delivery) {
        try {
            work(delivery);
        } catch (LeaseLostException e) {
            log.info("{}; this worker lets it go", e.getMessage());
        }
    }

    private void work(OutboundDelivery delivery) {
        Job job = null;
        try {
            Jobs.Loaded loaded = jobs.load(delivery);
            if (loaded instanceof Jobs.Skip skip) {
                outbox.finish(delivery, TicketDeliveryStatus.SKIPPED, skip.reason());
            } else if (loaded instanceof Jobs.Wait wait) {
                failures.park(delivery, wait.reason());
            } else if (loaded instanceof Jobs.Ready ready) {
                job = ready.job();
                deliver(job);
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
    }

    private void deliver(Job job) {
        TicketFiler.Filed filed = filer.file(job);
        completion.linkBack(job, filed);
        completion.complete(job, filed);
        log.info("delivery {} (event {} {}) {} {} on {}", job.delivery().id(), job.event().id(), job.event().type(),
                filed.outcome(), filed.issueKey(), job.delivery().clientKey());
    }
}
