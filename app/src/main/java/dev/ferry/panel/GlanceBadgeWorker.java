package dev.ferry.panel;

import dev.ferry.jira.JiraClient;
import dev.ferry.jira.JiraException;
import dev.ferry.link.TicketLinks;
import dev.ferry.persistence.PollingWorker;
import dev.ferry.site.SiteDirectory;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sets each changed issue's glance badge to its number of linked objects, through the issue property
 * Jira reads for the glance ({@code com.atlassian.jira.issue:{appKey}:{glanceKey}:status}). Only sites with the
 * app installed have the glance; API-token and OAuth connections get no property at all. It runs the outbox
 * workers' loop on threads of its own, not on the shared scheduling thread a slow Jira would hold; links changed
 * on this node wake it ({@link GlanceRefreshes}), and an idle one looks less and less often.
 */
@Component
class GlanceBadgeWorker extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(GlanceBadgeWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int MAX_ATTEMPTS = 8;
    private static final int BATCH = 50;

    private final GlanceRefreshes refreshes;
    private final TicketLinks links;
    private final SiteDirectory sites;
    private final JiraClient jira;
    private final String propertyKey;

    GlanceBadgeWorker(GlanceRefreshes refreshes, TicketLinks links, SiteDirectory sites, JiraClient jira,
            GlanceBadges badges, PanelProperties properties) {
        super("glance badge worker", properties.glanceWorkerEnabled(), properties.glanceWorkerThreads(),
                properties.glancePollInterval());
        this.refreshes = refreshes;
        this.links = links;
        this.sites = sites;
        this.jira = jira;
        this.propertyKey = badges.propertyKey();
    }

    /** Sets the badges of every issue due now on the calling thread; returns how many it took. */
    @Override
    protected int drain() {
        return drainBatches(() -> refreshes.claim(BATCH, LEASE), this::refresh);
    }

    /** Claims no more than the free threads start on now, so no claimed badge waits in a queue under its lease. */
    @Override
    protected int poll(int free) {
        int asked = Math.min(free, BATCH);
        List<GlanceRefreshes.Request> due = refreshes.claim(asked, LEASE);
        due.forEach(request -> hand(() -> refresh(request)));
        return due.size() == asked ? Math.max(free, asked) : due.size(); // a full claim: more may be due
    }

    /** One issue; a failure stays with it and never stops the others. */
    void refresh(GlanceRefreshes.Request request) {
        try {
            setBadge(request);
        } catch (RuntimeException failure) {
            refreshes.retryLater(request, Duration.ofMinutes(1));
            log.error("glance badge of issue {} on {} failed: {}", request.issueId(), request.clientKey(), failure.toString());
        }
    }

    private void setBadge(GlanceRefreshes.Request request) {
        var site = sites.callable(request.clientKey());
        // Only an installed Connect app has this glance: over an API token or OAuth the property would be a stray
        // value on the issue, written as a person, that nothing in Jira shows. A site Ferry calls with a Forge
        // system token is skipped too: the property key is the Connect glance's (com.atlassian.jira.issue:
        // <app key>:<module key>:status), Forge documents no status property for its jira:issueGlance, and the
        // Forge glance asks /forge/ui/issue-links for its count when it opens.
        if (site.isEmpty() || !GlanceBadges.hasGlance(site.get())) {
            refreshes.done(request);
            return;
        }
        long count = links.forIssue(request.clientKey(), request.issueId()).stream()
                .filter(link -> !link.issueDeleted()).count();
        try {
            jira.setIssueProperty(site.get(), request.issueId(), propertyKey, GlanceBadges.badge(count));
            refreshes.done(request);
            log.info("glance badge of issue {} on {} set to {}", request.issueId(), request.clientKey(), count);
        } catch (JiraException e) {
            handle(request, e);
        }
    }

    private void handle(GlanceRefreshes.Request request, JiraException e) {
        // Throttling and a node's clock trouble only ever delay a badge; other trouble is retried a few times.
        boolean retryable = e.kind() == JiraException.Kind.RATE_LIMITED || e.kind() == JiraException.Kind.CLOCK_SKEW
                || e.kind() == JiraException.Kind.UNAVAILABLE && request.attempts() < MAX_ATTEMPTS;
        if (retryable) {
            refreshes.retryLater(request, e.retryAfter().orElse(Duration.ofSeconds(5L << request.attempts())));
            log.warn("glance badge of issue {} on {} not set, will retry: {}", request.issueId(), request.clientKey(),
                    e.getMessage());
        } else {
            refreshes.done(request);
            log.warn("glance badge of issue {} on {} given up: {}", request.issueId(), request.clientKey(), e.getMessage());
        }
    }
}
