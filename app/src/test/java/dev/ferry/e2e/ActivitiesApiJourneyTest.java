package dev.ferry.e2e;

import static dev.ferry.ingest.ActivityKind.COMMENT_ADDED;
import static dev.ferry.ingest.ActivityKind.ISSUE_CREATED;
import static dev.ferry.ingest.ActivityKind.ISSUE_UPDATED;
import static dev.ferry.ingest.ActivityKind.PAGE_CREATED;
import static dev.ferry.ingest.ActivityKind.WORKLOG_ADDED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ingest.Activity;
import dev.ferry.ingest.ActivityStore;
import dev.ferry.site.SiteDirectory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A product reads what people did: filtered, paged by cursor, attributed to people when they are mapped (also
 * for what they did before), exported as NDJSON and CSV, and summed up per person; every bad filter is refused.
 */
@FerryJourney
class ActivitiesApiJourneyTest {

    static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    static final String DANA = "557058:dana-reads";
    static final String OLA = "557058:ola-reads";

    @Autowired
    ActivityStore activityStore;
    @Autowired
    SiteDirectory sites;
    @Autowired
    JdbcTemplate jdbc;

    ActivityFixtures fixtures;
    ProductApi api;
    String org;
    String jira;
    String other;

    @BeforeEach
    void acmeReadsTwoSites(Journey journey) {
        fixtures = new ActivityFixtures(activityStore, sites, jdbc);
        api = journey.newOrganization("Acme Activity");
        org = api.organizationId();
        jira = ActivityFixtures.connect(api, journey.jira(), "557058:reader-one", "Reader One");
        other = ActivityFixtures.connect(api, journey.otherJira(), "557058:reader-two", "Reader Two");
    }

    @Test
    void eachFilterNarrowsTheListNewestFirst() {
        fixtures.store(org, jira, List.of(
                fixtures.activity(ISSUE_CREATED, DANA, "Dana Scully", T, "Checkout fails"),
                fixtures.activity(COMMENT_ADDED, OLA, "Ola Nordmann", T.plusSeconds(60), "Checkout fails"),
                fixtures.activity(PAGE_CREATED, DANA, "Dana Scully", T.plusSeconds(120), "Runbook"),
                fixtures.activity(WORKLOG_ADDED, DANA, "Dana Scully", T.plusSeconds(86_400), "Checkout fails")));
        fixtures.store(org, other, List.of(fixtures.activity(ISSUE_UPDATED, DANA, "Dana S.", T.plusSeconds(30), "Other")));
        String dana = fixtures.person(org, "user-dana", "Dana Scully");
        fixtures.map(org, dana, jira, DANA);

        JsonNode all = list("");
        assertThat(kinds(all)).containsExactly("worklog_added", "page_created", "comment_added", "issue_updated",
                "issue_created");
        JsonNode first = all.path("activities").get(0);
        assertThat(first.path("connection").asString()).isEqualTo(jira);
        assertThat(first.path("source").asString()).isEqualTo("jira");
        assertThat(first.path("occurredAt").asString()).isEqualTo("2026-03-03T09:00:00Z");
        assertThat(first.path("actor").path("displayName").asString()).isEqualTo("Dana Scully");
        assertThat(first.path("actor").path("person").path("externalId").asString()).isEqualTo("user-dana");
        assertThat(first.path("object").path("key").asString()).startsWith("FERRY-");
        assertThat(first.path("object").path("url").asString()).startsWith("https://acme.example/browse/");
        assertThat(first.path("detail").path("to").asString()).isEqualTo("Done");
        assertThat(all.path("nextCursor").isNull()).isTrue();

        assertThat(kinds(list("source=confluence"))).containsExactly("page_created");
        assertThat(kinds(list("source=jira&kind=comment_added"))).containsExactly("comment_added");
        assertThat(kinds(list("connection=" + other))).containsExactly("issue_updated");
        assertThat(kinds(list("from=2026-03-02T09:01:00Z&to=2026-03-02"))).containsExactly("page_created", "comment_added");
        assertThat(kinds(list("from=2026-03-03"))).containsExactly("worklog_added");
        // The same accountId on the other site is not Dana's there: identities are per connection.
        assertThat(kinds(list("person=user-dana"))).containsExactly("worklog_added", "page_created", "issue_created");
        assertThat(kinds(list("person=" + dana + "&kind=page_created"))).containsExactly("page_created");
        assertThat(list("connection=" + other).path("activities").get(0).path("actor").path("person").isNull()).isTrue();
        assertThat(kinds(list("order=asc&limit=2"))).containsExactly("issue_created", "issue_updated");
    }

    @Test
    void aCursorWalksEveryActivityOnceAcrossEqualTimesEvenWhileMoreArrive() {
        List<Activity> same = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            same.add(fixtures.activity(COMMENT_ADDED, DANA, "Dana Scully", T, "Same second " + i));
        }
        same.add(fixtures.activity(ISSUE_CREATED, DANA, "Dana Scully", T.minusSeconds(10), "Earlier"));
        fixtures.store(org, jira, same);
        List<Long> everyId = ids(list("limit=500"));

        for (String order : new String[] {"desc", "asc"}) {
            List<Long> walked = new ArrayList<>();
            String cursor = "";
            int pages = 0;
            do {
                JsonNode page = list("order=" + order + "&limit=3" + (cursor.isEmpty() ? "" : "&cursor=" + enc(cursor)));
                walked.addAll(ids(page));
                cursor = page.path("nextCursor").isNull() ? "" : page.path("nextCursor").asString();
                if (pages++ == 0) {
                    // Stored after the first page: newer than every cursor of a newest-first walk, so it stays out.
                    fixtures.store(org, jira, List.of(fixtures.activity(COMMENT_ADDED, OLA, "Ola", T.plusSeconds(5),
                            "Later " + order)));
                }
            } while (!cursor.isEmpty());
            if (order.equals("desc")) {
                assertThat(walked).containsExactlyElementsOf(everyId);
            } else {
                assertThat(walked).doesNotHaveDuplicates().hasSize(everyId.size() + 2).containsAll(everyId);
            }
        }
    }

    @Test
    void mappingAnAccountLaterAttributesWhatItDidBefore() {
        fixtures.store(org, jira, List.of(fixtures.activity(ISSUE_CREATED, OLA, "Ola Nordmann", T, "Before")));
        JsonNode actor = list("").path("activities").get(0).path("actor");
        assertThat(actor.path("person").isNull()).isTrue();
        assertThat(actor.path("displayName").asString()).isEqualTo("Ola Nordmann");
        String ola = fixtures.person(org, "user-ola", "Ola N.");
        assertThat(kinds(list("person=user-ola"))).isEmpty();

        fixtures.map(org, ola, jira, OLA);

        JsonNode person = list("").path("activities").get(0).path("actor").path("person");
        assertThat(person.path("id").asString()).isEqualTo(ola);
        assertThat(person.path("name").asString()).isEqualTo("Ola N.");
        assertThat(kinds(list("person=user-ola"))).containsExactly("issue_created");
    }

    @Test
    void badFiltersAreRefusedAsProblems() {
        refused("from=2026-03-05&to=2026-03-01", "from must be before to");
        refused("from=yesterday", "from must be an ISO-8601 instant");
        refused("to=2026-02-30", "to must be an ISO-8601 instant");
        refused("source=bitbucket", "unknown source bitbucket");
        refused("kind=issue_exploded", "unknown kind issue_exploded");
        refused("source=confluence&kind=issue_created", "is not a confluence activity");
        refused("person=nobody", "no person nobody");
        refused("connection=api-token-unknown", "no connection api-token-unknown");
        refused("cursor=not-a-cursor", "cursor is not one Ferry gave");
        refused("limit=0", "limit must be a whole number from 1 to 500");
        refused("limit=501", "limit must be a whole number from 1 to 500");
        refused("limit=ten", "limit must be a whole number from 1 to 500");
        refused("order=sideways", "order must be asc or desc");
        fixtures.store(org, jira, List.of(fixtures.activity(ISSUE_CREATED, OLA, "Ola", T, "a"),
                fixtures.activity(ISSUE_CREATED, OLA, "Ola", T.plusSeconds(1), "b")));
        String cursor = list("limit=1").path("nextCursor").asString();
        refused("order=asc&cursor=" + enc(cursor), "cursor belongs to a list in the other order");
        ProductApi.refused(api.get("/api/v1/activities/export?format=xml"), 400, "format must be ndjson or csv");
        ProductApi.refused(api.get("/api/v1/activities/export?format=csv&from=2026-03-05&to=2026-03-01"), 400,
                "from must be before to");
        ProductApi.refused(api.get("/api/v1/activities/summary?from=2026-03-01"), 400, "person is required");
        ProductApi.refused(api.get("/api/v1/activities/explain?connection=nope"), 400, "no connection nope");
    }

    @Test
    void aKeyWithoutActivityReadIsRefused(Journey journey) {
        ProductApi.Reply keyed = api.post("/api/v1/api-keys", "{\"name\":\"events\",\"scopes\":[\"events:write\"]}");
        ProductApi narrow = journey.api(keyed.json().path("key").asString());
        assertThat(narrow.get("/api/v1/activities").status()).isEqualTo(403);
        assertThat(narrow.get("/api/v1/activities/export").status()).isEqualTo(403);
    }

    @Test
    void anExportStreamsEveryActivityOfTheRangeAsNdjsonAndAsSafeCsv() {
        List<Activity> many = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            many.add(fixtures.activity(i % 2 == 0 ? ISSUE_UPDATED : COMMENT_ADDED, DANA, "Dana Scully",
                    T.plusSeconds(i), i == 7 ? "=HYPERLINK(\"https://evil.example\",\"click\")" : "Issue, \"quoted\" " + i));
        }
        for (int from = 0; from < many.size(); from += 500) {
            fixtures.store(org, jira, many.subList(from, from + 500));
        }
        fixtures.store(org, jira, List.of(fixtures.activity(ISSUE_CREATED, DANA, "Dana", T.minusSeconds(1), "outside")));

        ProductApi.Reply ndjson = api.get("/api/v1/activities/export?format=ndjson&from=" + T + "&order=asc");
        assertThat(ndjson.status()).as(ndjson.body()).isEqualTo(200);
        assertThat(ndjson.contentType()).startsWith("application/x-ndjson");
        List<String> lines = ndjson.body().lines().toList();
        assertThat(lines).hasSize(3000);
        JsonNode firstLine = ProductApi.JSON.readTree(lines.get(0));
        assertThat(firstLine.path("occurredAt").asString()).isEqualTo(T.toString());
        assertThat(firstLine.path("actor").path("accountId").asString()).isEqualTo(DANA);
        assertThat(ProductApi.JSON.readTree(lines.get(2999)).path("occurredAt").asString())
                .isEqualTo(T.plusSeconds(2999).toString());

        ProductApi.Reply csv = api.get("/api/v1/activities/export?format=csv&from=" + T + "&kind=comment_added");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> rows = csv.body().lines().toList();
        assertThat(rows).hasSize(1501);
        assertThat(rows.get(0)).startsWith("\"id\",\"occurredAt\",\"connection\"");
        assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\"")
                .contains("\"Issue, \"\"quoted\"\" 9\"").doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void aSummaryCountsAPersonsActivityByKindAndUtcDay() {
        fixtures.store(org, jira, List.of(
                fixtures.activity(ISSUE_CREATED, DANA, "Dana", Instant.parse("2026-03-02T23:59:59Z"), "a"),
                fixtures.activity(COMMENT_ADDED, DANA, "Dana", Instant.parse("2026-03-03T00:00:00Z"), "b"),
                fixtures.activity(COMMENT_ADDED, DANA, "Dana", Instant.parse("2026-03-03T10:00:00Z"), "c"),
                fixtures.activity(ISSUE_UPDATED, DANA, "Dana", Instant.parse("2026-03-03T11:00:00Z"), "d"),
                fixtures.activity(ISSUE_UPDATED, OLA, "Ola", Instant.parse("2026-03-03T11:00:00Z"), "not Dana's"),
                fixtures.activity(ISSUE_UPDATED, DANA, "Dana", Instant.parse("2026-03-09T11:00:00Z"), "after")));
        fixtures.store(org, other, List.of(fixtures.activity(ISSUE_UPDATED, DANA, "Dana", Instant.parse("2026-03-03T12:00:00Z"), "e")));
        String dana = fixtures.person(org, "user-dana", "Dana Scully");
        fixtures.map(org, dana, jira, DANA);
        fixtures.map(org, dana, other, DANA);

        ProductApi.Reply reply = api.get("/api/v1/activities/summary?person=user-dana&from=2026-03-01&to=2026-03-08");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode summary = reply.json();
        assertThat(summary.path("person").path("id").asString()).isEqualTo(dana);
        assertThat(summary.path("total").asLong()).isEqualTo(5);
        assertThat(summary.path("byKind").toString()).isEqualTo("{\"comment_added\":2,\"issue_created\":1,\"issue_updated\":2}");
        assertThat(summary.path("byDay").toString()).isEqualTo("[{\"day\":\"2026-03-02\",\"total\":1,\"byKind\":{\"issue_created\":1}},"
                + "{\"day\":\"2026-03-03\",\"total\":4,\"byKind\":{\"comment_added\":2,\"issue_updated\":2}}]");

        JsonNode one = api.get("/api/v1/activities/summary?person=" + dana + "&from=2026-03-01&to=2026-03-08&connection="
                + other).json();
        assertThat(one.path("total").asLong()).isEqualTo(1);
        assertThat(one.path("connection").asString()).isEqualTo(other);
    }

    private JsonNode list(String query) {
        ProductApi.Reply reply = api.get("/api/v1/activities?" + query);
        assertThat(reply.status()).as(query + ": " + reply.body()).isEqualTo(200);
        return reply.json();
    }

    private void refused(String query, String detail) {
        ProductApi.refused(api.get("/api/v1/activities?" + query), 400, detail);
    }

    private static List<String> kinds(JsonNode page) {
        return page.path("activities").valueStream().map(a -> a.path("kind").asString()).toList();
    }

    private static List<Long> ids(JsonNode page) {
        return page.path("activities").valueStream().map(a -> a.path("id").asLong()).toList();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
