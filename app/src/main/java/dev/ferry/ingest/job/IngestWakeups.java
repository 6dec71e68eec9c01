package dev.ferry.ingest.job;

import dev.ferry.connection.ConfluenceCredentialsChanged;
import dev.ferry.sitelink.CredentialsRenewed;
import dev.ferry.sitelink.SiteDisconnected;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Jobs follow their connection: new credentials (a replaced token, a reconnect, a re-install) make its waiting
 * jobs due at once; a connection deleted or a site unlinked takes its schedule, checkpoints and open jobs
 * with it, in the transaction that removed it.
 */
@Component
class IngestWakeups {

    private final JobStore jobs;
    private final Schedules schedules;
    private final Checkpoints checkpoints;

    IngestWakeups(JobStore jobs, Schedules schedules, Checkpoints checkpoints) {
        this.jobs = jobs;
        this.schedules = schedules;
        this.checkpoints = checkpoints;
    }

    @EventListener
    void on(CredentialsRenewed renewed) {
        jobs.wake(renewed.clientKey());
    }

    /** A Confluence stream that Confluence refused (401, 403) waits for this, not only for a Jira token. */
    @EventListener
    void on(ConfluenceCredentialsChanged changed) {
        jobs.wake(changed.connectionId());
    }

    @EventListener
    void on(SiteDisconnected disconnected) {
        jobs.forget(disconnected.clientKey());
        schedules.forget(disconnected.clientKey());
        checkpoints.forget(disconnected.clientKey());
    }
}
