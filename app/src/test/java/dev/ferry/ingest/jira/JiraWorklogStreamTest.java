package dev.ferry.ingest.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.ingest.ActivityStore;
import dev.ferry.ingest.IngestTarget;
import dev.ferry.ingest.NaturalKeys;
import dev.ferry.ingest.StreamPage;
import dev.ferry.ingest.TimeWindow;
import dev.ferry.jira.JiraActivityReads;
import dev.ferry.jira.JiraAuth;
import dev.ferry.jira.JiraSite;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.PersonActions;
import dev.ferry.simulator.rest.ActivityDataset;
import dev.ferry.simulator.rest.SiteChanges;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.SettableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The jira-worklogs stream: Jira's worklog change feeds, worklogs by id, and the deleted ones. */
@FerryIntegrationTest
class JiraWorklogStreamTest {

    static final String EMAIL = "reader@simulated.example";
    static final String TOKEN = "api-token-for-the-worklog-stream";

    final SettableClock siteClock = new SettableClock(Instant.now());
    JiraSimulator jira;
    SiteChanges site;
    IngestTarget target;

    @Autowired
    JiraWorklogStream stream;
    @Autowired
    ActivityStore store;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void start() {
        jira = JiraSimulator.start(siteClock);
        jira.credentials().addApiToken(EMAIL, TOKEN);
        ActivityDataset.fill(jira.data(), ActivityDataset.Size.SMALL, 5);
        site = new SiteChanges(jira.data(), jira.baseUrl());
        JiraSite jiraSite = new JiraSite("token-" + UUID.randomUUID(), URI.create(jira.baseUrl()),
                URI.create(jira.baseUrl()), new JiraAuth.ApiToken(EMAIL, TOKEN));
        target = new IngestTarget(UUID.randomUUID().toString(), jiraSite.clientKey(), jiraSite, Optional.empty());
    }

    @AfterEach
    void stop() {
        jira.close();
    }

    @Test
    void aBackfillStoresEveryWorklogOnceWithItsTimeAndIssue() {
        Set<String> expected = new HashSet<>();
        for (String key : site.issueKeys()) {
            for (ObjectNode worklog : site.worklogsOf(key)) {
                expected.add(NaturalKeys.worklog(worklog.path("id").asText(),
                        JiraActivityReads.time(worklog.path("updated").asText()).toEpochMilli()));
            }
        }
        readAll(new TimeWindow(siteClock.instant().minus(Duration.ofDays(400)), siteClock.instant()));
        readAll(new TimeWindow(siteClock.instant().minus(Duration.ofDays(400)), siteClock.instant()));

        assertThat(expected).hasSize(ActivityDataset.Size.SMALL.worklogs());
        assertThat(keys()).isEqualTo(expected);
        assertThat(jdbc.sql("select distinct kind from activity where organization_id = ?").param(target.organizationId())
                .query(String.class).list()).containsExactly("WORKLOG_ADDED");
        String key = site.issueKeys().get(0);
        ObjectNode first = site.worklogsOf(key).isEmpty() ? null : site.worklogsOf(key).get(0);
        if (first != null) {
            assertThat(detail(NaturalKeys.worklog(first.path("id").asText(),
                    JiraActivityReads.time(first.path("updated").asText()).toEpochMilli())))
                    .isEqualTo("{\"timeSpentSeconds\":" + first.path("timeSpentSeconds").asInt() + ",\"started\":\""
                            + JiraActivityReads.time(first.path("started").asText()) + "\",\"issue\":\"" + key + "\"}");
        }
        jira.assertNoSpecViolations();
    }

    @Test
    void updatedAddedAndDeletedWorklogsOfTheLastRunAreStoredAfterJirasSettlingMinute() {
        Instant since = siteClock.instant();
        String key = site.issueKeys().get(7);
        String person = ActivityDataset.PEOPLE.get(0)[0];
        PersonActions people = new PersonActions(jira);
        String added = people.addWorklog(person, key, 1800);
        var logged = site.issueKeys().stream().filter(k -> !k.equals(key)).flatMap(k -> site.worklogsOf(k).stream())
                .map(w -> w.path("id").asText()).limit(2).toList();
        String earlier = logged.get(0);
        people.updateWorklog(person, earlier, 5400);
        String doomed = logged.get(1);
        people.deleteWorklog(person, doomed);
        siteClock.advance(Duration.ofMinutes(2));

        int before = jira.calls().size();
        readAll(new TimeWindow(since, siteClock.instant()));

        long changed = since.toEpochMilli();
        Set<String> stored = keys();
        assertThat(stored).contains(NaturalKeys.worklogDeleted(doomed));
        assertThat(kindOf(NaturalKeys.worklogDeleted(doomed))).isEqualTo("WORKLOG_DELETED");
        String updatedKey = stored.stream().filter(k -> k.startsWith("worklog:" + earlier + ":")).findFirst().orElseThrow();
        assertThat(kindOf(updatedKey)).isEqualTo("WORKLOG_UPDATED");
        assertThat(Long.parseLong(updatedKey.substring(updatedKey.lastIndexOf(':') + 1))).isGreaterThanOrEqualTo(changed);
        assertThat(stored.stream().anyMatch(k -> k.startsWith("worklog:" + added + ":"))).isTrue();
        assertThat(jira.calls().size() - before).as("updated, list, keys search, deleted").isLessThanOrEqualTo(5);
    }

    private void readAll(TimeWindow window) {
        String cursor = null;
        int pages = 0;
        do {
            StreamPage page = stream.read(target, window, cursor);
            store.store(target, page.activities());
            cursor = page.nextCursor();
        } while (cursor != null && ++pages < 1000);
    }

    private Set<String> keys() {
        return new HashSet<>(jdbc.sql("select natural_key from activity where organization_id = ?")
                .param(target.organizationId()).query(String.class).list());
    }

    private String kindOf(String naturalKey) {
        return jdbc.sql("select kind from activity where natural_key = ? and organization_id = ?")
                .params(naturalKey, target.organizationId()).query(String.class).single();
    }

    private String detail(String naturalKey) {
        return jdbc.sql("select detail from activity where natural_key = ? and organization_id = ?")
                .params(naturalKey, target.organizationId()).query(String.class).single();
    }
}
