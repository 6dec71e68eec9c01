package dev.ferry.ingest.job;

import dev.ferry.ingest.ActivitySource;
import dev.ferry.ingest.ActivityStore;
import dev.ferry.ingest.ActivityStream;
import dev.ferry.ingest.IngestTarget;
import dev.ferry.ingest.IngestTargets;
import dev.ferry.ingest.StreamPage;
import dev.ferry.ingest.TimeWindow;
import dev.ferry.jira.JiraException;
import dev.ferry.persistence.Columns;
import dev.ferry.persistence.PollingWorker;
import dev.ferry.sitelink.SiteLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs claimed jobs: stream after stream, page after page. Each page is read first, then one transaction
 * stores its activities and moves the job's cursor (and, at a scheduled run's stream end, the checkpoint), so
 * a worker that dies anywhere leaves the job at a page boundary and the next claim goes on from there,
 * losing and doubling nothing. A cancel takes effect between two pages.
 */
@Component
public class IngestEngine {

    private static final Logger log = LoggerFactory.getLogger(IngestEngine.class);

    private final JobStore jobs;
    private final Checkpoints checkpoints;
    private final Streams streams;
    private final IngestTargets targets;
    private final ActivityStore store;
    private final SiteLinks links;
    private final TransactionTemplate transaction;
    private final IngestProperties properties;
    private final Clock clock;

    IngestEngine(JobStore jobs, Checkpoints checkpoints, Streams streams, IngestTargets targets, ActivityStore store,
            SiteLinks links, TransactionTemplate transaction, IngestProperties properties, Clock clock) {
        this.jobs = jobs;
        this.checkpoints = checkpoints;
        this.streams = streams;
        this.targets = targets;
        this.store = store;
        this.links = links;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Claims due jobs one at a time and runs each until it ends, waits or its time slice is over; returns how many
     * it took.
     */
    public int runDue() {
        return PollingWorker.drainBatches(() -> jobs.claim(1, properties.lease()), this::run);
    }

    void run(IngestJob job) {
        Optional<IngestTarget> target = targets.find(job.connectionId());
        if (target.isEmpty()) {
            jobs.waitUntil(job, clock.instant().plus(properties.credentialsRecheck()), job.attempts(),
                    "Ferry cannot open the connection's credentials: repair the connection on the Connections page;"
                            + " the job resumes after that.");
            return;
        }
        checkpoints.ensure(job.organizationId(), job.connectionId(), job.streams());
        Instant sliceEnd = clock.instant().plus(properties.slice());
        IngestJob current = job;
        while (current != null) {
            current = page(target.get(), current);
            if (current != null && !clock.instant().isBefore(sliceEnd)) {
                jobs.requeue(current);
                return;
            }
        }
    }

    /** Reads and commits one page; answers the job as it stands after, or null when this worker is done with it. */
    private IngestJob page(IngestTarget target, IngestJob job) {
        if (jobs.cancelRequested(job.id())) {
            end(job, JobState.CANCELLED, "cancelled");
            return null;
        }
        Optional<ActivityStream> stream = streams.named(job.stream());
        if (stream.isEmpty() || stream.get().source() == ActivitySource.CONFLUENCE && target.confluence().isEmpty()) {
            end(job, JobState.FAILED, stream.isEmpty() ? "This node has no stream " + job.stream() + "."
                    : "The connection no longer reaches Confluence, so " + job.stream() + " cannot be read.");
            return null;
        }
        TimeWindow window = window(job, job.stream());
        StreamPage page;
        try {
            page = stream.get().read(target, window, job.cursor());
        } catch (JiraException e) {
            failed(job, stream.get(), e);
            return null;
        } catch (RuntimeException e) {
            failed(job, stream.get(), new JiraException(JiraException.Kind.UNAVAILABLE, 0, e.toString(), null));
            return null;
        }
        return commit(target, job, window, page);
    }

    private IngestJob commit(IngestTarget target, IngestJob job, TimeWindow window, StreamPage page) {
        String stream = job.stream();
        String following = page.last() ? job.nextStream() : stream;
        Instant lease = Columns.fence(clock.instant().plus(properties.lease()));
        return transaction.execute(status -> {
            int added = store.store(target, page.activities());
            IngestJob next = following == null || following.equals(stream)
                    ? job.after(stream, page.last() ? null : page.nextCursor(), added, page.reached(), lease)
                    : job.after(following, null, added, null, lease);
            if (!jobs.advance(job, next)) {
                status.setRollbackOnly();
                log.info("ingest job {} was taken from this worker (lease ran out or it was cancelled); stopping", job.id());
                return null;
            }
            checkpoints.counted(job.connectionId(), stream, added);
            if (page.last() && job.kind() == JobKind.SCHEDULED) {
                checkpoints.reached(job.connectionId(), stream, window.to());
            }
            if (page.last() && following == null) {
                jobs.finish(next, JobState.DONE, null);
                log.info("ingest job {} ({} of {}) done: {} records in {} pages", job.id(), job.kind(),
                        job.connectionId(), next.records(), next.pages());
                return null;
            }
            return next;
        });
    }

    /**
     * The span the stream reads: a fetch's range; for a scheduled run, from the stream's watermark less the
     * overlap (or the first-run days before the run's end on its first run) to the run's end.
     */
    TimeWindow window(IngestJob job, String stream) {
        if (job.kind() == JobKind.FETCH) {
            return new TimeWindow(job.rangeFrom(), job.rangeTo());
        }
        Instant from = checkpoints.find(job.connectionId(), stream).map(Checkpoints.Checkpoint::watermark)
                .map(watermark -> watermark.minus(properties.overlap()))
                .orElse(job.rangeTo().minus(Duration.ofDays(properties.firstRunDays())));
        return new TimeWindow(from.isAfter(job.rangeTo()) ? job.rangeTo() : from, job.rangeTo());
    }

    private void failed(IngestJob job, ActivityStream stream, JiraException e) {
        String product = stream.source().label();
        JobFaults.Verdict verdict = JobFaults.of(e, job, targets.kindOf(job.connectionId()), product, clock.instant(),
                properties);
        if (e.kind() == JiraException.Kind.UNAUTHORIZED && stream.source() == ActivitySource.JIRA) {
            // as for deliveries: the connection's health says so, and a replaced token wakes the job
            links.credentialsRejected(job.connectionId(), e.jiraMessage());
        }
        checkpoints.failed(job.connectionId(), stream.name(), verdict.words());
        if (verdict.failed()) {
            end(job, JobState.FAILED, verdict.words());
            return;
        }
        jobs.waitUntil(job, verdict.resumeAt(), verdict.attempts(), verdict.words());
        log.info("ingest job {} waits until {} at {} page {}: {}", job.id(), verdict.resumeAt(), job.stream(),
                job.pages() + 1, e.getMessage());
    }

    private void end(IngestJob job, JobState state, String error) {
        if (jobs.finish(job, state, error)) {
            log.info("ingest job {} ({} of {}) {}: {}", job.id(), job.kind(), job.connectionId(), state, error);
        }
    }
}
