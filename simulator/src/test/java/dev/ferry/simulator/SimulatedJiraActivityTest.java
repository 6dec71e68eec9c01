package dev.ferry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.simulator.rest.ActivityDataset;
import dev.ferry.simulator.rest.JiraData;
import dev.ferry.simulator.rest.SiteChanges;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A site full of a year's activity: dated JQL in order, changelogs in bulk, the worklog feeds, comments by page. */
class SimulatedJiraActivityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JiraSimulator jira;
    private static SiteChanges site;

    @BeforeAll
    static void start() {
        jira = JiraSimulator.start();
        jira.credentials().addApiToken("bot@example.com", "token-1");
        ActivityDataset.fill(jira.data(), ActivityDataset.Size.SMALL, 42);
        site = new SiteChanges(jira.data(), jira.baseUrl());
    }

    @AfterAll
    static void stop() {
        jira.close();
    }

    @Test
    void theDatasetIsDeterministicAndHoldsTheCountsAsked() {
        JiraData one = new JiraData(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
        JiraData two = new JiraData(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
        ActivityDataset.fill(one, ActivityDataset.Size.SMALL, 7);
        ActivityDataset.fill(two, ActivityDataset.Size.SMALL, 7);
        SiteChanges a = new SiteChanges(one, "");
        SiteChanges b = new SiteChanges(two, "");
        assertThat(a.issueKeys()).hasSize(ActivityDataset.Size.SMALL.issues());
        int changes = 0;
        int comments = 0;
        int worklogs = 0;
        for (String key : a.issueKeys()) {
            assertThat(a.changelogOf(key).toString()).isEqualTo(b.changelogOf(key).toString());
            changes += a.changelogOf(key).size();
            comments += a.commentsOf(key).size();
            worklogs += a.worklogsOf(key).size();
        }
        assertThat(changes).isEqualTo(ActivityDataset.Size.SMALL.changelogEntries());
        assertThat(comments).isEqualTo(ActivityDataset.Size.SMALL.comments());
        assertThat(worklogs).isEqualTo(ActivityDataset.Size.SMALL.worklogs());
    }

    @Test
    void aBenchmarkSiteIsFilledInSeconds() {
        JiraData data = new JiraData(Clock.systemUTC());
        long started = System.nanoTime();
        ActivityDataset.fill(data, ActivityDataset.Size.BENCHMARK, 1);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(data.issueCount()).isEqualTo(20_000);
        System.out.printf("benchmark dataset filled in %.1f s%n", seconds);
    }

    @Test
    void absoluteDatesBoundTheSearchAndOrderByUpdatedPutsItInOrder() throws Exception {
        Instant now = jira.data().now();
        String from = java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm").withZone(ZoneOffset.UTC)
                .format(now.minus(java.time.Duration.ofDays(90)));
        List<Instant> updated = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String token = null;
        do {
            ObjectNode body = JSON.createObjectNode().put("jql", "updated >= \"" + from + "\" ORDER BY updated DESC, id")
                    .put("maxResults", 25);
            body.putArray("fields").add("updated").add("comment").add("resolution");
            if (token != null) {
                body.put("nextPageToken", token);
            }
            JsonNode page = JSON.readTree(SiteRequests.basic(jira, "POST", "/rest/api/3/search/jql", body.toString()).body());
            page.path("issues").forEach(issue -> {
                ids.add(issue.path("id").asText());
                updated.add(java.time.OffsetDateTime.parse(issue.path("fields").path("updated").asText(),
                        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant());
                JsonNode comment = issue.path("fields").path("comment");
                assertThat(comment.path("comments").size()).isLessThanOrEqualTo(20).isEqualTo(comment.path("maxResults").asInt());
                assertThat(comment.has("total") && comment.has("startAt")).isTrue();
            });
            token = page.path("nextPageToken").asText(null);
        } while (token != null);
        assertThat(updated).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(updated).allMatch(at -> !at.isBefore(now.minus(java.time.Duration.ofDays(90)).minusSeconds(60)));
        assertThat(ids).hasSize(updated.size());
        assertThat(search("updated >= \"2999-01-01\"").path("issues")).isEmpty();
        assertThat(SiteRequests.basic(jira, "POST", "/rest/api/3/search/jql",
                "{\"jql\":\"updated >= -1d ORDER BY colour\"}").statusCode()).isEqualTo(400);
    }

    private static JsonNode search(String jql) throws Exception {
        return JSON.readTree(SiteRequests.basic(jira, "POST", "/rest/api/3/search/jql",
                JSON.createObjectNode().put("jql", jql).toString()).body());
    }

    @Test
    void changelogsComeInBulkPagedByTokenFilteredByField() throws Exception {
        List<String> keys = site.issueKeys().subList(0, 40);
        int expected = keys.stream().mapToInt(key -> site.changelogOf(key).size()).sum();
        Set<String> seen = new HashSet<>();
        String token = null;
        do {
            ObjectNode body = JSON.createObjectNode().put("maxResults", 7);
            keys.forEach(body.putArray("issueIdsOrKeys")::add);
            if (token != null) {
                body.put("nextPageToken", token);
            }
            JsonNode page = JSON.readTree(SiteRequests.basic(jira, "POST", "/rest/api/3/changelog/bulkfetch", body.toString()).body());
            page.path("issueChangeLogs").forEach(log -> log.path("changeHistories").forEach(history -> {
                assertThat(seen.add(history.path("id").asText())).isTrue();
                assertThat(history.path("author").path("displayName").asText()).isNotBlank();
            }));
            token = page.path("nextPageToken").asText(null);
        } while (token != null);
        assertThat(seen).hasSize(expected);

        JsonNode resolutions = JSON.readTree(SiteRequests.basic(jira, "POST", "/rest/api/3/changelog/bulkfetch",
                "{\"issueIdsOrKeys\":" + JSON.writeValueAsString(keys) + ",\"fieldIds\":[\"resolution\"]}").body());
        resolutions.path("issueChangeLogs").forEach(log -> log.path("changeHistories").forEach(history -> history.path("items")
                .forEach(item -> assertThat(item.path("fieldId").asText()).isEqualTo("resolution"))));
        assertThat(SiteRequests.basic(jira, "POST", "/rest/api/3/changelog/bulkfetch", "{\"issueIdsOrKeys\":[]}").statusCode())
                .isEqualTo(400);
        assertThat(SiteRequests.basic(jira, "POST", "/rest/api/3/changelog/bulkfetch",
                "{\"issueIdsOrKeys\":[\"FERRY-1\"],\"maxResults\":10001}").statusCode()).isEqualTo(400);
    }

    @Test
    void theWorklogFeedPagesByThousandsAndListsByIds() throws Exception {
        Set<String> ids = new HashSet<>();
        long since = 0;
        boolean last;
        do {
            JsonNode page = JSON.readTree(SiteRequests.basic(jira, "GET", "/rest/api/3/worklog/updated?since=" + since, null).body());
            List<Long> pageIds = new ArrayList<>();
            page.path("values").forEach(value -> pageIds.add(value.path("worklogId").asLong()));
            pageIds.forEach(id -> ids.add(Long.toString(id)));
            JsonNode listed = JSON.readTree(SiteRequests.basic(jira, "POST", "/rest/api/3/worklog/list",
                    "{\"ids\":" + JSON.writeValueAsString(pageIds) + "}").body());
            assertThat(listed).hasSize(pageIds.size());
            listed.forEach(worklog -> assertThat(worklog.has("updatedMillis")).isFalse());
            last = page.path("lastPage").asBoolean();
            if (!last) {
                String next = page.path("nextPage").asText();
                since = Long.parseLong(next.substring(next.indexOf("since=") + 6));
            }
        } while (!last);
        int all = site.issueKeys().stream().mapToInt(key -> site.worklogsOf(key).size()).sum();
        assertThat(ids).hasSize(all);
        List<Long> tooMany = new ArrayList<>();
        for (long i = 0; i < 1001; i++) {
            tooMany.add(i);
        }
        assertThat(SiteRequests.basic(jira, "POST", "/rest/api/3/worklog/list",
                "{\"ids\":" + JSON.writeValueAsString(tooMany) + "}").statusCode()).isEqualTo(400);
    }

    @Test
    void aPersonsChangesWriteTheChangelogAndTheResolution() throws Exception {
        PersonActions people = new PersonActions(jira);
        String ada = ActivityDataset.PEOPLE.get(0)[0];
        String key = people.createIssue(ada, "OPS", "Done by Ada");
        String changelog = people.transition(ada, key, "Done");
        JsonNode issue = JSON.readTree(SiteRequests.basic(jira, "GET", "/rest/api/3/issue/" + key + "?fields=resolution", null).body());
        assertThat(issue.path("fields").path("resolution").path("name").asText()).isEqualTo("Done");
        ObjectNode history = site.changelogOf(key).get(0);
        assertThat(history.path("id").asText()).isEqualTo(changelog);
        assertThat(history.path("author").asText()).isEqualTo(ada);
        assertThat(history.path("items").get(1).path("field").asText()).isEqualTo("resolution");
        JsonNode comments = JSON.readTree(SiteRequests.basic(jira, "GET", "/rest/api/3/issue/" + key + "/comment?orderBy="
                + URLEncoder.encode("-created", StandardCharsets.UTF_8), null).body());
        assertThat(comments.path("total").asInt()).isZero();
    }
}
