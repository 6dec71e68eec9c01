package dev.ferry.auditcollector;

import dev.ferry.persistence.PollingWorker;
import org.springframework.stereotype.Component;

/** Every node's audit poll loop: a few threads poll the collectors that are due, each claimed by one of them. */
@Component
class AuditPollWorker extends PollingWorker {

    private final AuditPoller poller;

    AuditPollWorker(AuditPoller poller, CollectorProperties properties) {
        super("audit poller", properties.workerEnabled(), properties.workerThreads(), properties.idleSleep());
        this.poller = poller;
    }

    @Override
    protected int drain() {
        return poller.runDue();
    }
}
