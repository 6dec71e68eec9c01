package dev.ferry.privacy;

import dev.ferry.persistence.BatchedPrune;
import dev.ferry.persistence.OutageBackoff;
import dev.ferry.schedule.SingletonJob;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps activities no longer than {@code ferry.activity.retention}: every {@code ferry.activity.prune-every} it
 * deletes older activities in batches ({@link BatchedPrune}), then the names of accounts not seen within the
 * retention that no activity refers to any more.
 */
@Component
class ActivityPruner {

    private static final Logger log = LoggerFactory.getLogger(ActivityPruner.class);

    private final OutageBackoff outage = new OutageBackoff("activity pruner", log);
    private final JdbcClient jdbc;
    private final RetentionProperties properties;
    private final Clock clock;

    ActivityPruner(JdbcClient jdbc, RetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ferry.activity.prune-every:1h}", initialDelayString = "PT5M")
    @SingletonJob(name = "activity-prune")
    void onSchedule() {
        if (properties.pruneWorkerEnabled()) {
            outage.run(this::prune);
        }
    }

    /** What one prune deleted, and in how many activity batches. */
    record Pruned(int activities, int batches, int names) {
    }

    Pruned prune() {
        Instant cutoff = clock.instant().minus(properties.retention());
        // Along the (organization, time) index the reading side has anyway: an index on time alone would cost every
        // stored activity one more index entry, for an hourly prune.
        BatchedPrune.Deleted activities = BatchedPrune.run(jdbc, """
                delete from activity where id in (
                    select id from activity where organization_id = ? and occurred_at < ?
                    order by occurred_at, id limit ?)""", cutoff, properties.pruneBatch());
        int names = jdbc.sql("""
                delete from jira_user where seen_at < ? and not exists (
                    select 1 from activity a
                    where a.organization_id = jira_user.organization_id and a.actor_account_id = jira_user.account_id)""")
                .param(Timestamp.from(cutoff)).update();
        if (activities.rows() > 0 || names > 0) {
            log.info("pruned {} activities ({} batches) and {} names older than {}", activities.rows(),
                    activities.batches(), names, properties.retention());
        }
        return new Pruned(activities.rows(), activities.batches(), names);
    }
}
