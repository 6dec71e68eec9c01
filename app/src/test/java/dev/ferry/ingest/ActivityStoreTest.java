package dev.ferry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.jira.JiraSite;
import dev.ferry.support.FerryIntegrationTest;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each activity is stored once per organization and site, whoever brings it and however often. */
@FerryIntegrationTest
class ActivityStoreTest {

    static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");

    @Autowired
    ActivityStore store;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anActivityComingAgainIsStoredOnce() {
        IngestTarget target = target("org-a", "conn-1", "https://acme.atlassian.net");
        assertThat(store.store(target, List.of(comment("1", "Ana"), comment("2", "Ana")))).isEqualTo(2);
        assertThat(store.store(target, List.of(comment("2", "Ana"), comment("3", "Ana"), comment("3", "Ana")))).isEqualTo(1);

        assertThat(jdbc.queryForObject("select count(*) from activity", Long.class)).isEqualTo(3);
    }

    @Test
    void anInstallAndATokenConnectionToOneSiteShareItsActivities() {
        store.store(target("org-a", "install-key", "https://acme.atlassian.net"), List.of(comment("1", "Ana")));
        int again = store.store(target("org-a", "connection-id", "https://ACME.atlassian.net/"), List.of(comment("1", "Ana")));
        int otherOrganization = store.store(target("org-b", "install-key", "https://acme.atlassian.net"), List.of(comment("1", "Ana")));

        assertThat(again).isZero();
        assertThat(otherOrganization).isOne();
    }

    @Test
    void theActorsLatestNameIsKeptBesideTheActivities() {
        IngestTarget target = target("org-a", "conn-1", "https://acme.atlassian.net");
        store.store(target, List.of(comment("1", "Ana Silva")));
        store.store(target, List.of(comment("2", "Ana Souza"), comment("3", null)));

        assertThat(jdbc.queryForList("select display_name from jira_user where account_id = 'acc-ana'", String.class))
                .containsExactly("Ana Souza");
    }

    @Test
    void writersRacingOnTheSameKeysStoreEachOnce() throws Exception {
        IngestTarget target = target("org-a", "conn-1", "https://acme.atlassian.net");
        List<Activity> page = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            page.add(comment(Integer.toString(i), "Ana"));
        }
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            tasks.add(() -> store.store(target, page));
        }
        int stored = 0;
        for (Future<Integer> result : writers.invokeAll(tasks)) {
            stored += result.get();
        }
        writers.shutdown();

        assertThat(stored).isEqualTo(300);
        assertThat(jdbc.queryForObject("select count(*) from activity", Long.class)).isEqualTo(300);
    }

    private static IngestTarget target(String organization, String connection, String site) {
        return new IngestTarget(organization, connection, new JiraSite(connection, URI.create(site), "secret"),
                Optional.empty());
    }

    private static Activity comment(String id, String actorName) {
        return new Activity(NaturalKeys.commentAdded(id), ActivityKind.COMMENT_ADDED, "acc-ana", actorName, AT,
                "comment", id, "FERRY-1", "FERRY", "A ticket", "{}", "https://acme.atlassian.net/browse/FERRY-1");
    }
}
