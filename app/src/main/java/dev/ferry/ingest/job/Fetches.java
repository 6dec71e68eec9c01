package dev.ferry.ingest.job;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.ingest.ActivitySource;
import dev.ferry.ingest.ActivityStream;
import dev.ferry.ingest.IngestTargets;
import dev.ferry.persistence.NewWork;
import dev.ferry.refusal.Refusal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fetch now for a date range: a job per request, one open at a time per connection; its progress, its
 * cancel. Everything asked is checked before the job exists, so a refused request changes nothing. A job queued
 * here is started by this node's worker as soon as it commits.
 */
@Service
public class Fetches {

    static final int RECENT = 20;

    private final JobStore jobs;
    private final Streams streams;
    private final IngestTargets targets;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final IngestProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Fetches(JobStore jobs, Streams streams, IngestTargets targets, AuditLog audit, TransactionTemplate transaction,
            IngestProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.jobs = jobs;
        this.streams = streams;
        this.targets = targets;
        this.audit = audit;
        this.transaction = transaction;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** What a person asks: {@code from} and {@code to} as dates or instants, {@code streams} null for all. */
    public record FetchRequest(String from, String to, List<String> streams) {
    }

    JobView start(String organizationId, String actor, String connectionId, FetchRequest request) {
        targets.requireOwned(organizationId, connectionId);
        FetchRange range = FetchRange.parse(request.from(), request.to(), clock.instant(), properties.maxFetchDays());
        List<String> chosen = streams(connectionId, targets.hasConfluence(connectionId), request.streams());
        jobs.open(connectionId, JobKind.FETCH).ifPresent(open -> {
            throw busy(open);
        });
        try {
            IngestJob job = transaction.execute(status -> {
                IngestJob queued = jobs.insert(organizationId, connectionId, JobKind.FETCH, range.from(), range.to(),
                        chosen, actor);
                audit.record(organizationId, actor, AuditAction.INGEST_FETCH_STARTED, queued.id(), connectionId + ": "
                        + range.from() + " to " + range.to() + ", " + String.join(", ", chosen));
                events.publishEvent(new NewWork(IngestWorker.class));
                return queued;
            });
            return JobView.of(job);
        } catch (DuplicateKeyException raced) {
            throw jobs.open(connectionId, JobKind.FETCH).map(Fetches::busy)
                    .orElseGet(() -> Refusal.conflict("a fetch for " + connectionId + " started just now: try again"));
        }
    }

    private static Refusal busy(IngestJob open) {
        return Refusal.conflict("a fetch is already " + open.state().name().toLowerCase(Locale.ROOT)
                + " for this connection: job " + open.id() + " (" + open.rangeFrom() + " to " + open.rangeTo()
                + "); wait for it or cancel it (POST /api/v1/fetches/" + open.id() + "/cancel)");
    }

    /** The streams asked for, each known and reachable over the connection; all it has when none are named. */
    private List<String> streams(String connectionId, boolean confluence, List<String> asked) {
        List<String> available = streams.namesOf(confluence);
        if (asked == null) {
            Refusal.require(!available.isEmpty(), "this node reads no streams yet");
            return available;
        }
        Refusal.require(!asked.isEmpty(), "streams names at least one stream (" + String.join(", ", available)
                + "), or leave it out for all of them");
        List<String> chosen = new ArrayList<>();
        for (String name : asked) {
            ActivityStream stream = streams.named(name).orElseThrow(() -> Refusal.invalid("unknown stream \"" + name
                    + "\": the streams are " + String.join(", ", streams.names())));
            Refusal.require(confluence || stream.source() != ActivitySource.CONFLUENCE, "the connection "
                    + connectionId + " does not reach Confluence, so " + name + " cannot be fetched: an"
                    + " OAuth connection needs a Confluence read scope, and an app install reads Jira only");
            if (!chosen.contains(name)) {
                chosen.add(name);
            }
        }
        return available.stream().filter(chosen::contains).toList();
    }

    List<JobView> recent(String organizationId, String connectionId) {
        targets.requireOwned(organizationId, connectionId);
        List<JobView> recent = new ArrayList<>();
        jobs.recent(connectionId, JobKind.FETCH, RECENT).forEach(job -> recent.add(JobView.of(job)));
        return recent;
    }

    JobView find(String organizationId, String jobId) {
        return JobView.of(owned(organizationId, jobId));
    }

    JobView cancel(String organizationId, String actor, String jobId) {
        IngestJob job = owned(organizationId, jobId);
        Refusal.require(job.state().open(), "job " + jobId + " has already ended (" + job.state().name()
                .toLowerCase(Locale.ROOT) + ")");
        IngestJob after = transaction.execute(status -> {
            IngestJob cancelled = jobs.cancel(jobId).orElseThrow();
            audit.record(organizationId, actor, AuditAction.INGEST_FETCH_CANCELLED, jobId, job.connectionId());
            return cancelled;
        });
        return JobView.of(after);
    }

    /** The connection's latest fetch, for the reading side ("no data after fetch" explained). */
    public Optional<JobView> last(String organizationId, String connectionId) {
        return jobs.recent(connectionId, JobKind.FETCH, 1).stream().filter(job -> job.organizationId().equals(organizationId))
                .findFirst().map(JobView::of);
    }

    private IngestJob owned(String organizationId, String jobId) {
        return jobs.find(jobId).filter(job -> job.organizationId().equals(organizationId))
                .orElseThrow(() -> Refusal.notFound("no fetch " + jobId + " in this organization"));
    }
}
