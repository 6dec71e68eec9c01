package dev.ferry.ingest.job;

import dev.ferry.connection.ConfluenceCredentialsChanged;
import dev.ferry.persistence.NewWork;
import dev.ferry.sitelink.CredentialsRenewed;
import dev.ferry.sitelink.SiteDisconnected;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Jobs follow their connection: new credentials (a replaced token, a reconnect, a re-install) make its waiting
 * jobs due at once, and this node's worker starts them when the change commits; a connection deleted or a site
 * unlinked takes its schedule, checkpoints and open jobs with it, in the transaction that removed it.
 */
@Component
class IngestWakeups {

    private final JobStore jobs;
    private final Schedules schedules;
    private final Checkpoints checkpoints;
    private final ApplicationEventPublisher events;

    IngestWakeups(JobStore jobs, Schedules schedules, Checkpoints checkpoints, ApplicationEventPublisher events) {
        this.jobs = jobs;
        this.schedules = schedules;
        this.checkpoints = checkpoints;
        this.events = events;
    }

    @EventListener
    void on(CredentialsRenewed renewed) {
        wake(renewed.clientKey());
    }

    /** A Confluence stream that Confluence refused (401, 403) waits for this, not only for a Jira token. */
    @EventListener
    void on(ConfluenceCredentialsChanged changed) {
        wake(changed.connectionId());
    }

    private void wake(String connectionId) {
        if (jobs.wake(connectionId) > 0) {
            events.publishEvent(new NewWork(IngestWorker.class));
        }
    }

    @EventListener
    void on(SiteDisconnected disconnected) {
        jobs.forget(disconnected.clientKey());
        schedules.forget(disconnected.clientKey());
        checkpoints.forget(disconnected.clientKey());
    }
}
