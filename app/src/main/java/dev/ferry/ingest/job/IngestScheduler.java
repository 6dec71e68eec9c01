package dev.ferry.ingest.job;

import dev.ferry.ingest.IngestTarget;
import dev.ferry.ingest.IngestTargets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Starts the scheduled runs that are due, on every node at once safely: a schedule is taken by a conditional
 * update of its next run, and a connection's open scheduled run holds its {@code active_key}, so a run still
 * going when the next is due is simply not doubled. Connections linked since the last sweep get their schedule.
 */
@Component
public class IngestScheduler {

    private static final Logger log = LoggerFactory.getLogger(IngestScheduler.class);
    private static final int BATCH = 100;

    private final Schedules schedules;
    private final JobStore jobs;
    private final Checkpoints checkpoints;
    private final Streams streams;
    private final IngestTargets targets;
    private final IngestProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    IngestScheduler(Schedules schedules, JobStore jobs, Checkpoints checkpoints, Streams streams, IngestTargets targets,
            IngestProperties properties, JdbcClient jdbc, Clock clock) {
        this.schedules = schedules;
        this.jobs = jobs;
        this.checkpoints = checkpoints;
        this.streams = streams;
        this.targets = targets;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Gives new connections their schedule and queues the scheduled runs due now; returns how many it queued. */
    public int queueDue() {
        jdbc.sql("""
                select client_key, organization_id from site_link
                where client_key not in (select connection_id from ingest_schedule)""")
                .query((rs, row) -> new String[] {rs.getString("organization_id"), rs.getString("client_key")}).list()
                .forEach(unscheduled -> schedules.of(unscheduled[0], unscheduled[1]));
        Instant now = clock.instant();
        int queued = 0;
        for (Schedules.Schedule schedule : schedules.due(now, BATCH)) {
            if (schedules.takeDue(schedule, now) && queue(schedule.connectionId(), now)) {
                queued++;
            }
        }
        return queued;
    }

    private boolean queue(String connectionId, Instant now) {
        Optional<IngestTarget> target = targets.find(connectionId);
        if (target.isEmpty()) {
            return false;
        }
        List<String> names = streams.namesOf(target.get().confluence().isPresent());
        if (names.isEmpty()) {
            return false;
        }
        Instant from = names.stream().map(stream -> checkpoints.find(connectionId, stream)
                        .map(Checkpoints.Checkpoint::watermark).map(w -> w.minus(properties.overlap()))
                        .orElse(now.minus(Duration.ofDays(properties.firstRunDays()))))
                .min(Instant::compareTo).orElse(now);
        try {
            jobs.insert(target.get().organizationId(), connectionId, JobKind.SCHEDULED, from.isAfter(now) ? now : from,
                    now, names, Schedules.FERRY);
            return true;
        } catch (DuplicateKeyException stillRunning) {
            log.info("scheduled run of {} skipped: the previous one is still open", connectionId);
            return false;
        }
    }
}
