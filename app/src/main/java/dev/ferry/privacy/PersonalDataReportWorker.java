package dev.ferry.privacy;

import dev.ferry.persistence.PollingWorker;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reports each app install's accounts to Atlassian once per cycle, from any number of nodes: every poll it
 * enrolls new installs, then takes each due site with a lease only one node can win, and reports it.
 */
@Component
class PersonalDataReportWorker extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataReportWorker.class);
    private static final int SITES_PER_ROUND = 20;

    private final ReportSchedule schedule;
    private final SiteReporter reporter;
    private final PrivacyProperties properties;
    private final Clock clock;

    PersonalDataReportWorker(ReportSchedule schedule, SiteReporter reporter, PrivacyProperties properties, Clock clock) {
        super("personal data report worker", properties.reportWorkerEnabled(), 1, properties.reportPollInterval());
        this.schedule = schedule;
        this.reporter = reporter;
        this.properties = properties;
        this.clock = clock;
    }

    /** Reports every site due now that this node wins; answers how many it reported. */
    @Override
    protected int drain() {
        // Whole milliseconds: a database keeping microseconds must not round a new row's due time past "now".
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        schedule.enroll(now);
        int reported = 0;
        for (String clientKey : schedule.due(now, SITES_PER_ROUND)) {
            if (!schedule.lease(clientKey, now, now.plus(properties.reportLease()))) {
                continue; // another node has it, or reported it a moment ago
            }
            try {
                reporter.report(clientKey);
                reported++;
            } catch (RuntimeException e) {
                // The lease runs out and the site is taken up again; nothing else waits on it.
                log.warn("personal data report for {} failed on Ferry's side", clientKey, e);
            }
        }
        return reported;
    }
}
