package dev.ferry.ingest.job;

import dev.ferry.ingest.ActivityStream;
import dev.ferry.ingest.IngestTargets;
import dev.ferry.sitelink.LinkedSite;
import dev.ferry.sitelink.LinkedSites;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Every connection of an organization as a data source: its streams with their last run, next run, lag,
 * records and last error, its schedule, and its open fetch. Read without opening any credentials.
 */
@Service
class DataSources {

    /** One connection as a data source. */
    record DataSource(String connection, String kind, String site, boolean confluence, ScheduleView schedule,
            List<StreamView> streams, JobView fetch, JobView lastRun) {
    }

    /** @param nextRunAt null while paused */
    record ScheduleView(int everyMinutes, boolean paused, Instant nextRunAt, Instant updatedAt, String updatedBy) {
    }

    /**
     * @param watermark  everything before it is stored (by the schedule); null before the first scheduled run
     * @param lagSeconds now − watermark; null before the first scheduled run
     * @param records    records this stream stored for the connection, by every run and fetch
     */
    record StreamView(String name, String source, Instant lastRunAt, Instant nextRunAt, Instant watermark,
            Long lagSeconds, long records, String lastError, Instant lastErrorAt) {
    }

    private final LinkedSites linked;
    private final IngestTargets targets;
    private final Streams streams;
    private final Schedules schedules;
    private final Checkpoints checkpoints;
    private final JobStore jobs;
    private final Clock clock;

    DataSources(LinkedSites linked, IngestTargets targets, Streams streams, Schedules schedules, Checkpoints checkpoints,
            JobStore jobs, Clock clock) {
        this.linked = linked;
        this.targets = targets;
        this.streams = streams;
        this.schedules = schedules;
        this.checkpoints = checkpoints;
        this.jobs = jobs;
        this.clock = clock;
    }

    List<DataSource> of(String organizationId) {
        return linked.of(organizationId).stream().map(site -> view(organizationId, site)).toList();
    }

    Optional<DataSource> find(String organizationId, String connectionId) {
        return linked.find(organizationId, connectionId).map(site -> view(organizationId, site));
    }

    private DataSource view(String organizationId, LinkedSite site) {
        String id = site.clientKey();
        boolean confluence = targets.hasConfluence(id);
        Schedules.Schedule schedule = schedules.of(organizationId, id);
        Instant next = schedule.paused() ? null : schedule.nextRunAt();
        Map<String, Checkpoints.Checkpoint> stored = checkpoints.of(id).stream()
                .collect(Collectors.toMap(Checkpoints.Checkpoint::stream, Function.identity()));
        Instant now = clock.instant();
        List<StreamView> views = streams.of(confluence).stream().map(stream -> stream(stream, stored.get(stream.name()),
                next, now)).toList();
        JobView fetch = jobs.recent(id, JobKind.FETCH, 1).stream().findFirst().map(JobView::of).orElse(null);
        JobView lastRun = jobs.recent(id, JobKind.SCHEDULED, 1).stream().findFirst().map(JobView::of).orElse(null);
        return new DataSource(id, site.kind(), site.displayUrl() != null ? site.displayUrl() : site.baseUrl(), confluence,
                new ScheduleView(schedule.everyMinutes(), schedule.paused(), next, schedule.updatedAt(),
                        schedule.updatedBy()), views, fetch, lastRun);
    }

    private static StreamView stream(ActivityStream stream, Checkpoints.Checkpoint checkpoint, Instant next, Instant now) {
        if (checkpoint == null) {
            return new StreamView(stream.name(), stream.source().value(), null, next, null, null, 0, null, null);
        }
        Long lag = checkpoint.watermark() == null ? null : Duration.between(checkpoint.watermark(), now).toSeconds();
        return new StreamView(stream.name(), stream.source().value(), checkpoint.lastRunAt(), next,
                checkpoint.watermark(), lag, checkpoint.records(), checkpoint.lastError(), checkpoint.lastErrorAt());
    }
}
