package dev.ferry.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ingest.Activity;
import dev.ferry.ingest.ActivityKind;
import dev.ferry.ingest.ActivityStore;
import dev.ferry.ingest.IngestTarget;
import dev.ferry.jira.JiraSite;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import dev.ferry.support.SettableClock;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention prunes exactly the activities older than the setting, a batch per transaction, and the names of
 * accounts not seen within it that no activity refers to any more; time moves only when the test moves it.
 */
@FerryIntegrationTest
class ActivityRetentionTest {

    private static final String CONNECTION = "jira:retention-site";
    private static final Duration RETENTION = Duration.ofDays(400);

    @Autowired
    ActivityStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Organizations organizations;

    private String organization;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final SettableClock clock = new SettableClock(now);

    @Test
    void oldActivitiesGoInBatchesAndNamesGoOnceNothingRefersToThem() {
        organization = organizations.create("Acme Retention").id();
        ActivityPruner pruner = new ActivityPruner(jdbc, new RetentionProperties(RETENTION, Duration.ofHours(1), 1000,
                false), clock);
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            activities.add(activity("old-" + i, i % 2 == 0 ? "acc-a" : "acc-b", now.minus(RETENTION).minusSeconds(1 + i)));
        }
        for (int i = 0; i < 300; i++) {
            activities.add(activity("recent-" + i, i < 100 ? "acc-b" : "acc-d",
                    now.minus(RETENTION).plus(Duration.ofDays(1)).plusSeconds(i)));
        }
        activities.add(activity("exactly-at-the-limit", "acc-d", now.minus(RETENTION)));
        store.store(new IngestTarget(organization, CONNECTION, new JiraSite(CONNECTION,
                URI.create("https://retention.example.net"), "unused"), Optional.empty()), activities);
        Timestamp longAgo = Timestamp.from(now.minus(Duration.ofDays(500)));
        jdbc.sql("update jira_user set seen_at = ?").param(longAgo).update();
        insertName("acc-c", Timestamp.from(now.minus(Duration.ofDays(10))));
        insertName("acc-e", longAgo);

        ActivityPruner.Pruned first = pruner.prune();

        assertThat(first).isEqualTo(new ActivityPruner.Pruned(2_500, 3, 2));
        assertThat(count("select count(*) from activity")).isEqualTo(301);
        assertThat(count("select count(*) from activity where natural_key like 'old-%'")).isZero();
        assertThat(names()).containsExactly("acc-b", "acc-c", "acc-d");

        assertThat(pruner.prune()).as("nothing more is old yet").isEqualTo(new ActivityPruner.Pruned(0, 0, 0));

        clock.advance(Duration.ofDays(2));
        assertThat(pruner.prune()).isEqualTo(new ActivityPruner.Pruned(301, 1, 2));
        assertThat(count("select count(*) from activity")).isZero();
        assertThat(names()).as("seen within the retention: kept though it has no activity").containsExactly("acc-c");
    }

    private Activity activity(String key, String actor, Instant occurredAt) {
        return new Activity(key, ActivityKind.COMMENT_ADDED, actor, "Name of " + actor, occurredAt, "comment", key,
                "RET-1", "RET", "An issue", null, "https://retention.example.net/browse/RET-1");
    }

    private void insertName(String accountId, Timestamp seenAt) {
        jdbc.sql("insert into jira_user (organization_id, connection_id, account_id, display_name, seen_at) values (?, ?, ?, ?, ?)")
                .params(organization, CONNECTION, accountId, "Name of " + accountId, seenAt).update();
    }

    private List<String> names() {
        return jdbc.sql("select account_id from jira_user order by account_id").query(String.class).list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
