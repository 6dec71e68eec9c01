package dev.ferry.auditcollector;

import dev.ferry.auditrecord.AuditRecordStore;
import dev.ferry.auditrecord.ReceivedRecord;
import dev.ferry.ingest.IngestTarget;
import dev.ferry.ingest.IngestTargets;
import dev.ferry.jira.JiraAuditReads;
import dev.ferry.jira.JiraAuditReads.AuditPage;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraSite;
import dev.ferry.persistence.Columns;
import dev.ferry.persistence.PollingWorker;
import dev.ferry.sitelink.SiteLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Polls claimed collectors: a window of Jira's audit records, page after page, newest first. Each page is read
 * first, then one transaction moves the window's offset past it (fenced by the lease), stores its records and
 * counts them, so a poller that dies anywhere leaves the collector at a page boundary and the next claim goes on
 * from there. Pages shift while paging (a record created inside the window pushes the rest down); what a shift
 * shows twice is stored once, and what it hides behind the offset is inside the next window's overlap.
 */
@Component
public class AuditPoller {

    private static final Logger log = LoggerFactory.getLogger(AuditPoller.class);

    private final CollectorPolls polls;
    private final JiraAuditReads reads;
    private final IngestTargets targets;
    private final AuditRecordStore store;
    private final SiteLinks links;
    private final TransactionTemplate transaction;
    private final CollectorProperties properties;
    private final Clock clock;

    AuditPoller(CollectorPolls polls, JiraAuditReads reads, IngestTargets targets, AuditRecordStore store,
            SiteLinks links, TransactionTemplate transaction, CollectorProperties properties, Clock clock) {
        this.polls = polls;
        this.reads = reads;
        this.targets = targets;
        this.store = store;
        this.links = links;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Claims due collectors one at a time and polls each until its window is read, it fails or its time slice is
     * over; returns how many it took.
     */
    public int runDue() {
        return PollingWorker.drainBatches(() -> polls.claim(properties.lease()).stream().toList(), this::poll);
    }

    void poll(PollClaim claim) {
        Optional<IngestTarget> target = targets.find(claim.connectionId());
        if (target.isEmpty()) {
            failed(claim, PollFaults.connectionGone(claim, clock.instant(), properties));
            return;
        }
        if (!targets.grantScopes(claim.connectionId()).map(PollFaults::coversAuditLog).orElse(true)) {
            failed(claim, PollFaults.scopeMissing(claim, clock.instant(), properties));
            return;
        }
        PollClaim current = claim.windowOpen() ? claim : open(claim);
        Instant sliceEnd = clock.instant().plus(properties.slice());
        while (current != null) {
            current = page(target.get().jira(), current);
            if (current != null && !clock.instant().isBefore(sliceEnd)) {
                polls.requeue(current);
                log.debug("audit collector {} yields at offset {} of its window: its time slice is over", current.id(),
                        current.offset());
                return;
            }
        }
    }

    /**
     * Opens the next window and commits it before the first page: from the checkpoint less the overlap (never
     * before the start date), or from the start date, or the first-run days back, to now.
     */
    private PollClaim open(PollClaim claim) {
        AuditCollector collector = claim.collector();
        Instant to = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant from = collector.checkpoint() != null ? collector.checkpoint().minus(properties.overlap())
                : collector.startFrom() != null ? collector.startFrom() : to.minus(Duration.ofDays(properties.firstRunDays()));
        if (collector.startFrom() != null && from.isBefore(collector.startFrom())) {
            from = collector.startFrom();
        }
        if (!from.isBefore(to)) {
            // Jira answers nothing unless from is before to: a start date still ahead has nothing to read yet
            polls.rest(claim, next(collector));
            return null;
        }
        Instant lease = renewedLease();
        if (!polls.open(claim, from, to, lease)) {
            log.info("audit collector {} was taken from this poller before its window opened; stopping", claim.id());
            return null;
        }
        return claim.opened(from, to, lease);
    }

    /** Reads and commits one page; answers the claim as it stands after, or null when this poller is done with it. */
    private PollClaim page(JiraSite site, PollClaim claim) {
        AuditPage page;
        try {
            page = reads.records(site, claim.windowFrom(), claim.windowTo(), claim.offset(), properties.pageSize(),
                    claim.collector().filter());
        } catch (JiraException e) {
            if (PollFaults.scopeMismatch(e)) {
                failed(claim, PollFaults.scopeMissing(claim, clock.instant(), properties));
                return null;
            }
            if (e.kind() == JiraException.Kind.UNAUTHORIZED) {
                // as for deliveries and ingest: the connection's health says so, and renewed credentials wake the collector
                links.credentialsRejected(claim.connectionId(), e.jiraMessage());
            }
            failed(claim, PollFaults.of(e, claim, targets.kindOf(claim.connectionId()), clock.instant(), properties));
            return null;
        } catch (RuntimeException e) {
            failed(claim, PollFaults.unexpected(e, claim, clock.instant(), properties));
            return null;
        }
        if (page.records().isEmpty() && claim.offset() < page.total()) {
            // Ending the window here would move the checkpoint past every record below the offset, unread
            failed(claim, PollFaults.emptyPage(page.total(), claim, clock.instant(), properties));
            return null;
        }
        List<ReceivedRecord> records;
        try {
            records = received(page.records());
        } catch (IllegalArgumentException unreadable) {
            failed(claim, PollFaults.unreadable(unreadable.getMessage(), claim, clock.instant(), properties));
            return null;
        }
        return commit(claim, page, records);
    }

    /**
     * Stores the page and moves past it in one transaction. A page shorter than asked ends the window only when
     * Jira's total says it is the last: Jira answers short pages mid-range (and an empty one short of its total is
     * a failure, tried again at the same offset).
     */
    private PollClaim commit(PollClaim claim, AuditPage page, List<ReceivedRecord> records) {
        int nextOffset = claim.offset() + records.size();
        boolean last = records.isEmpty() || nextOffset >= page.total();
        Instant lease = renewedLease();
        return transaction.execute(status -> {
            if (!records.isEmpty()) {
                if (!polls.advance(claim, nextOffset, newest(records), lease)) {
                    status.setRollbackOnly();
                    log.info("audit collector {} was taken from this poller (lease ran out, edited or paused); stopping",
                            claim.id());
                    return null;
                }
                int added = store.store(claim.collector().organizationId(), claim.id(), records);
                if (added > 0) {
                    polls.counted(claim.id(), added);
                }
                log.debug("audit collector {} page at offset {}: {} records, {} new", claim.id(), claim.offset(),
                        records.size(), added);
                recovered(claim);
            }
            PollClaim after = records.isEmpty() ? claim : claim.advanced(nextOffset, lease);
            if (!last) {
                return after;
            }
            if (!polls.finish(after, next(claim.collector()))) {
                log.info("audit collector {} was taken from this poller at the end of its window; stopping", claim.id());
            } else if (records.isEmpty()) {
                recovered(claim);
            }
            log.debug("audit collector {} read its window to {} ({} records)", claim.id(), claim.windowTo(), nextOffset);
            return null;
        });
    }

    private void failed(PollClaim claim, PollFaults.Verdict verdict) {
        if (!polls.fail(claim, verdict.failure(), verdict.words(), verdict.attempts(), verdict.nextPollAt())) {
            log.info("audit collector {} was taken from this poller before its failure was recorded", claim.id());
            return;
        }
        if (verdict.failure() != claim.failure()) {
            log.info("audit collector {} of {} is failing ({}), next try at {}: {}", claim.id(), claim.connectionId(),
                    verdict.failure(), verdict.nextPollAt(), verdict.words());
        } else {
            log.debug("audit collector {} still failing ({}), next try at {}", claim.id(), verdict.failure(),
                    verdict.nextPollAt());
        }
    }

    /** One line when a failing collector reads a page again. */
    private static void recovered(PollClaim claim) {
        if (claim.failure() != null) {
            log.info("audit collector {} of {} polls again after {}", claim.id(), claim.connectionId(), claim.failure());
        }
    }

    private static List<ReceivedRecord> received(List<JsonNode> records) {
        List<ReceivedRecord> received = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            received.add(ReceivedRecord.of(record));
        }
        return received;
    }

    private static Instant newest(List<ReceivedRecord> records) {
        Instant newest = records.get(0).created();
        for (ReceivedRecord record : records) {
            if (record.created().isAfter(newest)) {
                newest = record.created();
            }
        }
        return newest;
    }

    private Instant next(AuditCollector collector) {
        return clock.instant().plus(collector.pollInterval());
    }

    private Instant renewedLease() {
        return Columns.fence(clock.instant().plus(properties.lease()));
    }
}
