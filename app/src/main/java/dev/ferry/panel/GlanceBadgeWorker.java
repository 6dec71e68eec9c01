package dev.ferry.panel;

import dev.ferry.node.NodeRole;
import dev.ferry.jira.JiraClient;
import dev.ferry.jira.JiraException;
import dev.ferry.link.TicketLinks;
import dev.ferry.persistence.OutageBackoff;
import dev.ferry.site.SiteDirectory;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sets each changed issue's glance badge to its number of linked objects, through the issue property
 * Jira reads for the glance ({@code com.atlassian.jira.issue:{appKey}:{glanceKey}:status}). Only sites with the
 * app installed have the glance; API-token and OAuth connections get no property at all.
 */
@Component
class GlanceBadgeWorker {

    private static final Logger log = LoggerFactory.getLogger(GlanceBadgeWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int MAX_ATTEMPTS = 8;
    private static final int BATCH = 50;

    private final OutageBackoff outage = new OutageBackoff("glance badge worker", log);
    private final GlanceRefreshes refreshes;
    private final TicketLinks links;
    private final SiteDirectory sites;
    private final JiraClient jira;
    private final String propertyKey;
    private final PanelProperties properties;
    private final ExecutorService threads;
    private NodeRole role = NodeRole.ALL;

    GlanceBadgeWorker(GlanceRefreshes refreshes, TicketLinks links, SiteDirectory sites, JiraClient jira,
            GlanceBadges badges, PanelProperties properties) {
        this.properties = properties;
        this.threads = Executors.newFixedThreadPool(properties.glanceWorkerThreads(), runnable -> {
            Thread thread = new Thread(runnable, "ferry-glance");
            thread.setDaemon(true);
            return thread;
        });
        this.refreshes = refreshes;
        this.links = links;
        this.sites = sites;
        this.jira = jira;
        this.propertyKey = badges.propertyKey();
    }

    /** A {@code web} node sets no badges (ferry.node.role); without the bean (a bare test) it does. */
    @Autowired(required = false)
    void setNodeRole(NodeRole role) {
        this.role = role;
    }

    @Scheduled(fixedDelayString = "${ferry.panels.glance-poll-interval:1s}")
    void onSchedule() {
        if (properties.glanceWorkerEnabled() && role.runsWorkers()) {
            outage.run(this::drain);
        }
    }

    /** Sets the badges of every issue due now, several at once; returns how many it took. */
    int drain() {
        int taken = 0;
        List<GlanceRefreshes.Request> due;
        do {
            due = refreshes.claim(BATCH, LEASE);
            due.stream().map(request -> CompletableFuture.runAsync(() -> refresh(request), threads)).toList()
                    .forEach(CompletableFuture::join);
            taken += due.size();
        } while (due.size() == BATCH);
        return taken;
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
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
