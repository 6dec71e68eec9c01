package dev.ferry.link;

import dev.ferry.jira.JiraClient;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraIssue;
import dev.ferry.jira.JiraSite;
import dev.ferry.schedule.SingletonJob;
import dev.ferry.site.SiteDirectory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly safety net behind webhooks: every link created in the last 90 days gets its issue's status
 * from Jira in bulk (≤ 100 issues a call), and a link whose issue is gone is marked broken. Webhooks can be
 * lost (the app was down past Jira's retries, a site was disabled), so this is what makes sync eventual.
 */
@Component
class StatusReconciler {

    private static final Logger log = LoggerFactory.getLogger(StatusReconciler.class);
    static final Duration WINDOW = Duration.ofDays(90);

    private final TicketLinkRepository links;
    private final SiteDirectory sites;
    private final JiraClient jira;
    private final LinkProperties properties;
    private final LinkChanges changes;
    private final Clock clock;

    StatusReconciler(TicketLinkRepository links, SiteDirectory sites, JiraClient jira, LinkProperties properties,
            LinkChanges changes, Clock clock) {
        this.links = links;
        this.changes = changes;
        this.sites = sites;
        this.jira = jira;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${ferry.links.reconcile-cron:0 30 3 * * *}")
    @SingletonJob(name = "link-status-reconcile")
    void nightly() {
        if (properties.reconcileEnabled()) {
            reconcileAll();
        }
    }

    /** Reconciles every site; one site's failure is logged and never stops the others. */
    Reconciled reconcileAll() {
        Timestamp since = Timestamp.from(clock.instant().minus(WINDOW));
        Reconciled total = Reconciled.NONE;
        for (String clientKey : links.findSitesWithLinksSince(since)) {
            try {
                total = total.plus(reconcile(clientKey, since));
            } catch (JiraException e) {
                log.warn("reconcile of site {} stopped: {}", clientKey, e.getMessage());
            }
        }
        log.info("reconciled {} links: {} updated, {} broken, {} changed meanwhile (next run)", total.checked(),
                total.updated(), total.broken(), total.conflicted());
        return total;
    }

    private Reconciled reconcile(String clientKey, Timestamp since) {
        JiraSite site = sites.callable(clientKey).orElse(null);
        List<TicketLink> recent = site == null ? List.of() : links.findCreatedSince(clientKey, since);
        if (recent.isEmpty()) {
            return Reconciled.NONE;
        }
        Map<String, JiraIssue> found = jira.statuses(site, recent.stream().map(TicketLink::issueId).distinct().toList())
                .stream().collect(Collectors.toMap(JiraIssue::id, Function.identity(), (a, b) -> a));
        int updated = 0;
        int broken = 0;
        int conflicted = 0;
        Instant now = clock.instant();
        for (TicketLink link : recent) {
            JiraIssue issue = found.get(link.issueId());
            LinkSnapshot before = LinkSnapshot.of(link);
            boolean breaks = issue == null && !link.issueDeleted();
            boolean moves = issue != null && link.changesWith(issue);
            if (issue == null) {
                link.issueGone(now);
            } else {
                link.syncedWith(issue, now);
            }
            if (save(before, link)) {
                broken += breaks ? 1 : 0;
                updated += moves ? 1 : 0;
            } else {
                conflicted++;
            }
        }
        return new Reconciled(recent.size(), updated, broken, conflicted);
    }

    /**
     * Saves one link; false when a webhook or a person changed it since it was read (its version moved). That link is
     * left as they made it, and the next run reads it again: one busy link never ends the run.
     */
    private boolean save(LinkSnapshot before, TicketLink link) {
        try {
            changes.save(before, link);
            return true;
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            log.info("reconcile: link {} of site {} changed meanwhile; it is read again next run", link.id(),
                    link.clientKey());
            return false;
        }
    }

    /** What a reconcile run did; {@code conflicted} links changed while it ran and wait for the next run. */
    record Reconciled(int checked, int updated, int broken, int conflicted) {

        static final Reconciled NONE = new Reconciled(0, 0, 0, 0);

        Reconciled plus(Reconciled other) {
            return new Reconciled(checked + other.checked, updated + other.updated, broken + other.broken,
                    conflicted + other.conflicted);
        }
    }
}
