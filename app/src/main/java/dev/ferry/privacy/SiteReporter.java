package dev.ferry.privacy;

import dev.ferry.jira.JiraAuth;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraSite;
import dev.ferry.jira.PersonalDataReports;
import dev.ferry.jira.PersonalDataReports.HeldAccount;
import dev.ferry.site.SiteDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes one install's report, once its node holds the site's lease: every account held through the install, in
 * batches Atlassian accepts, erasing each account it answers {@code closed} and refreshing each {@code updated}
 * one; then the site is next due after Atlassian's cycle period, or after its Retry-After on a 429.
 */
@Component
class SiteReporter {

    private static final Logger log = LoggerFactory.getLogger(SiteReporter.class);

    private final SiteDirectory sites;
    private final HeldAccounts held;
    private final PersonalDataReports reports;
    private final PersonalDataEraser eraser;
    private final AccountRefresher refresher;
    private final ReportSchedule schedule;
    private final PrivacyProperties properties;
    private final Clock clock;

    SiteReporter(SiteDirectory sites, HeldAccounts held, PersonalDataReports reports, PersonalDataEraser eraser,
            AccountRefresher refresher, ReportSchedule schedule, PrivacyProperties properties, Clock clock) {
        this.sites = sites;
        this.held = held;
        this.reports = reports;
        this.eraser = eraser;
        this.refresher = refresher;
        this.schedule = schedule;
        this.properties = properties;
        this.clock = clock;
    }

    /** Reports the site and records when it is next due; never throws for Jira's refusals. */
    void report(String clientKey) {
        Optional<JiraSite> site = sites.callable(clientKey).filter(s -> s.auth() instanceof JiraAuth.ConnectApp);
        if (site.isEmpty()) {
            // Uninstalled (or disabled) since it was enrolled: Atlassian's API is reached only through the install.
            schedule.finish(clientKey, clock.instant().plus(properties.defaultCycle()), "not installed: nothing reported");
            return;
        }
        List<HeldAccount> accounts = held.of(clientKey);
        if (accounts.isEmpty()) {
            schedule.finish(clientKey, clock.instant().plus(properties.defaultCycle()), "no personal data held");
            return;
        }
        Duration cycle = properties.defaultCycle();
        int closed = 0;
        int updated = 0;
        try {
            for (int from = 0; from < accounts.size(); from += properties.batchSize()) {
                var answer = reports.report(site.get(),
                        accounts.subList(from, Math.min(accounts.size(), from + properties.batchSize())));
                for (String accountId : answer.closed()) {
                    eraser.erase(accountId, "atlassian", clientKey);
                    closed++;
                }
                for (String accountId : answer.updated()) {
                    refresher.refresh(site.get(), clientKey, accountId);
                    updated++;
                }
                cycle = answer.cyclePeriod().orElse(cycle);
            }
        } catch (JiraException e) {
            boolean limited = e.kind() == JiraException.Kind.RATE_LIMITED;
            Duration wait = limited ? e.retryAfter().orElse(properties.failureRetry()) : properties.failureRetry();
            log.info("personal data report for {} {}; next try in {}", clientKey,
                    limited ? "rate-limited" : "failed (" + e.status() + ")", wait);
            schedule.finish(clientKey, clock.instant().plus(wait),
                    (limited ? "rate-limited by Atlassian" : "failed: Jira answered " + e.status()) + "; retrying after "
                            + wait);
            return;
        }
        Instant now = clock.instant();
        schedule.reported(clientKey, now, now.plus(cycle), accounts.size() + " accounts reported: " + closed
                + " closed (erased), " + updated + " updated (refreshed)");
    }
}
