package dev.ferry.ingest.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The jira-issues stream against a simulated site full of a year's work, over an API token and over an install:
 * every creation, changed field, resolution and comment stored once under the stream's natural keys, whatever
 * happens between pages.
 */
@FerryIntegrationTest
class JiraIssueStreamTest {

    static final String EMAIL = "reader@simulated.example";
    static final String TOKEN = "api-token-for-the-issue-stream";
    static final String SECRET = "issue-stream-site-shared-secret-long-enough-01";
    static final JiraSimulator jira = JiraSimulator.start();
    static SiteChanges site;
    static Set<String> expected;

    @Autowired
    JiraIssueStream stream;
    @Autowired
    ActivityStore store;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void fill() {
        jira.credentials().addApiToken(EMAIL, TOKEN);
        jira.credentials().install("ferry-for-jira", SECRET);
        ActivityDataset.fill(jira.data(), ActivityDataset.Size.SMALL, 16);
        site = new SiteChanges(jira.data(), jira.baseUrl());
        expected = expectedKeys();
    }

    @AfterAll
    static void stop() {
        jira.close();
    }

    @Test
    void aBackfillOverAnApiTokenStoresEveryActivityOnceAndAReReadStoresNothing() {
        IngestTarget target = tokenTarget();
        int pages = readAll(target, window(), null);

        assertThat(keys(target)).isEqualTo(expected);
        assertThat(pages).isGreaterThan(1);
        assertThat(kinds(target)).contains("ISSUE_CREATED", "ISSUE_UPDATED", "ISSUE_RESOLVED", "COMMENT_ADDED",
                "COMMENT_EDITED");
        assertThat(readAll(target, window(), null)).as("pages of the re-read").isEqualTo(pages);
        assertThat(count(target)).isEqualTo(expected.size());
    }

    @Test
    void anInstallReadsTheSameActivitiesAsAToken() {
        IngestTarget target = new IngestTarget(UUID.randomUUID().toString(), "install-key",
                new JiraSite("install-key", URI.create(jira.baseUrl()), SECRET), Optional.empty());
        readAll(target, window(), null);

        assertThat(keys(target)).isEqualTo(expected);
    }

    @Test
    void aCrashBetweenPagesLosesAndDoublesNothing() {
        IngestTarget target = tokenTarget();
        StreamPage first = stream.read(target, window(), null);
        store.store(target, first.activities());
        // The second page is read but the node dies before committing it: the engine resumes from first's cursor.
        StreamPage lost = stream.read(target, window(), first.nextCursor());
        assertThat(lost.activities()).isNotEmpty();
        readAll(target, window(), first.nextCursor());

        assertThat(keys(target)).isEqualTo(expected);
        assertThat(count(target)).isEqualTo(expected.size());
    }

    @Test
    void theSameIssueOnTwoSearchPagesIsStoredOnce() {
        IngestTarget target = tokenTarget();
        jira.data().searchRepeatsIssues(true);
        try {
            readAll(target, window(), null);
        } finally {
            jira.data().searchRepeatsIssues(false);
        }

        assertThat(keys(target)).isEqualTo(expected);
        assertThat(count(target)).isEqualTo(expected.size());
    }

    @Test
    void anIncrementalReadAfterOneChangedIssueMakesAHandfulOfCallsAndStoresTheChange() {
        // A site of its own: this test changes an issue, which the others' expectations do not include.
        try (JiraSimulator own = JiraSimulator.start()) {
            own.credentials().addApiToken(EMAIL, TOKEN);
            ActivityDataset.fill(own.data(), ActivityDataset.Size.SMALL, 17);
            IngestTarget target = tokenTarget(own);
            Instant backfilled = Instant.now();
            readAll(target, new TimeWindow(window().from(), backfilled), null);
            String key = new SiteChanges(own.data(), own.baseUrl()).issueKeys().get(3);
            PersonActions people = new PersonActions(own);
            String person = ActivityDataset.PEOPLE.get(2)[0];
            String changelogId = people.edit(person, key, "summary", "Renamed by Grace");
            String commentId = people.comment(person, key, "Renamed it");

            int callsBefore = own.calls().size();
            int pages = readAll(target, new TimeWindow(backfilled, Instant.now().plusSeconds(1)), null);
            int calls = own.calls().size() - callsBefore;
            assertIncremental(target, own, key, person, changelogId, commentId, pages, calls);
        }
    }

    private void assertIncremental(IngestTarget target, JiraSimulator own, String key, String person, String changelogId,
            String commentId, int pages, int calls) {
        assertThat(pages).isEqualTo(1);
        assertThat(calls).as("search + changelog bulkfetch").isLessThanOrEqualTo(3);
        Set<String> stored = keys(target);
        assertThat(stored).contains(NaturalKeys.fieldChanged(changelogId, 0), NaturalKeys.commentAdded(commentId));
        assertThat(jdbc.sql("select actor_account_id || '|' || detail || '|' || url from activity where natural_key = ?")
                .param(NaturalKeys.fieldChanged(changelogId, 0)).query(String.class).single())
                .startsWith(person + "|{\"field\":\"summary\",\"from\":")
                .endsWith("\"to\":\"Renamed by Grace\"}|" + own.baseUrl() + "/browse/" + key);
    }

    @Test
    void theSearchIsBoundedByDatesAndOrderedByUpdatedThenId() {
        String jql = JiraIssueStream.jql(Instant.parse("2026-03-01T10:15:30Z"), Instant.parse("2026-03-02T08:00:00.001Z"),
                java.time.ZoneOffset.UTC);
        assertThat(jql).isEqualTo("updated >= \"2026-03-01 10:15\" AND updated < \"2026-03-02 08:01\" ORDER BY updated ASC, id ASC");
        // Jira reads JQL dates in the searching account's zone.
        assertThat(JiraIssueStream.jql(Instant.parse("2026-03-01T10:15:30Z"), Instant.parse("2026-03-01T11:00:00Z"),
                java.time.ZoneId.of("Europe/Berlin")))
                .isEqualTo("updated >= \"2026-03-01 11:15\" AND updated < \"2026-03-01 12:00\" ORDER BY updated ASC, id ASC");
    }

    private int readAll(IngestTarget target, TimeWindow window, String cursor) {
        int pages = 0;
        StreamPage page;
        do {
            page = stream.read(target, window, cursor);
            store.store(target, page.activities());
            assertThat(page.nextCursor() == null || page.nextCursor().length() <= 2000).isTrue();
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10_000);
        return pages;
    }

    static IngestTarget tokenTarget() {
        return tokenTarget(jira);
    }

    static IngestTarget tokenTarget(JiraSimulator jira) {
        JiraSite site = new JiraSite("token-" + UUID.randomUUID(), URI.create(jira.baseUrl()), URI.create(jira.baseUrl()),
                new JiraAuth.ApiToken(EMAIL, TOKEN));
        return new IngestTarget(UUID.randomUUID().toString(), site.clientKey(), site, Optional.empty());
    }

    static TimeWindow window() {
        return new TimeWindow(Instant.now().minus(Duration.ofDays(400)), Instant.now().plusSeconds(60));
    }

    private Set<String> keys(IngestTarget target) {
        return new HashSet<>(jdbc.sql("select natural_key from activity where organization_id = ?")
                .param(target.organizationId()).query(String.class).list());
    }

    private Set<String> kinds(IngestTarget target) {
        return new HashSet<>(jdbc.sql("select distinct kind from activity where organization_id = ?")
                .param(target.organizationId()).query(String.class).list());
    }

    private int count(IngestTarget target) {
        return jdbc.sql("select count(*) from activity where organization_id = ?").param(target.organizationId())
                .query(Integer.class).single();
    }

    /** What the site holds, named independently of the stream: from the simulator's own records. */
    private static Set<String> expectedKeys() {
        Set<String> keys = new HashSet<>();
        for (String key : site.issueKeys()) {
            JsonNode issue = site.issueJson(key).orElseThrow();
            keys.add(NaturalKeys.issueCreated(issue.path("id").asText()));
            for (ObjectNode history : site.changelogOf(key)) {
                String id = history.path("id").asText();
                List<JsonNode> items = new java.util.ArrayList<>();
                history.path("items").forEach(items::add);
                for (int i = 0; i < items.size(); i++) {
                    keys.add(NaturalKeys.fieldChanged(id, i));
                    if (items.get(i).path("field").asText().equals("resolution") && !items.get(i).path("to").isNull()) {
                        keys.add(NaturalKeys.resolved(id));
                    }
                }
            }
            for (ObjectNode comment : site.commentsOf(key)) {
                String id = comment.path("id").asText();
                keys.add(NaturalKeys.commentAdded(id));
                if (!comment.path("updated").asText().equals(comment.path("created").asText())) {
                    keys.add(NaturalKeys.commentEdited(id,
                            JiraActivityReads.time(comment.path("updated").asText()).toEpochMilli()));
                }
            }
        }
        return keys;
    }
}
