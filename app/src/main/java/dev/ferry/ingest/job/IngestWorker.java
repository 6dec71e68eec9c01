package dev.ferry.ingest.job;

import dev.ferry.persistence.PollingWorker;
import org.springframework.stereotype.Component;

/** Every node's ingest loop: queue the scheduled runs that are due, then run the jobs that are due. */
@Component
class IngestWorker extends PollingWorker {

    private final IngestScheduler scheduler;
    private final IngestEngine engine;

    IngestWorker(IngestScheduler scheduler, IngestEngine engine, IngestProperties properties) {
        super("ingest worker", properties.workerEnabled(), properties.workerThreads(), properties.pollInterval());
        this.scheduler = scheduler;
        this.engine = engine;
    }

    @Override
    protected int drain() {
        scheduler.queueDue();
        return engine.runDue();
    }
}
