package dev.ferry.destination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.event.EventCatalog;
import dev.ferry.jira.IssueType;
import dev.ferry.persistence.SqlCounting;
import dev.ferry.site.TestSites;
import dev.ferry.sitelink.SiteLinking;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A posted event reads its API key, event type, destinations with their rules and linked sites from what this node
 * keeps ({@code ferry.lookup-cache.ttl}, here an hour so that no lookup runs out during a test): a warm event costs
 * its two inserts and one commit, a change made on this node is seen by the next event, and one made behind the
 * node's back (another node, here SQL) only once the time to live has passed.
 */
@FerryIntegrationTest
@TestPropertySource(properties = {"ferry.lookup-cache.ttl=1h", "ferry.diagnostics.count-sql=true",
        // Hour-long windows: a request limit reserving its next chunk would count as this test's statements.
        "ferry.admin.limits.per-key=1000000/1h", "ferry.admin.limits.per-address=1000000/1h"})
class KeptIntakeLookupsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SITE = "kept-lookups-site";
    private static final String GUARDRAIL = "experiment.guardrail_breached";

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    TestSites sites;
    @Autowired
    SiteLinking linking;
    @Autowired
    DestinationRepository destinations;
    @Autowired
    EventCatalog catalog;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;

    Http http;
    Organizations.Org acme;
    Destination destination;

    @BeforeEach
    void linkedDestination() {
        http = new Http(port);
        acme = organizations.create("Acme");
        sites.install(SITE, "kept-lookups-site-shared-secret-000000000001");
        linking.link(acme.id(), SITE);
        destination = destinations.save(Destination.create(acme.id(), SITE, "FERRY", catalog.list(acme.id()),
                List.of(new IssueType("1", "Bug", false), new IssueType("2", "Task", false)), Instant.now()));
    }

    @Test
    void aWarmEventCostsItsTwoInsertsAndOneCommit() {
        for (int i = 0; i < 3; i++) {
            assertThat(deliveries(post("warm-" + i))).isEqualTo(1);
        }
        double statements = count(SqlCounting.STATEMENTS);
        double commits = count(SqlCounting.COMMITS);

        assertThat(deliveries(post("measured"))).isEqualTo(1);

        assertThat(count(SqlCounting.STATEMENTS) - statements).as("the event and its delivery row").isEqualTo(2);
        assertThat(count(SqlCounting.COMMITS) - commits).as("one transaction").isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyIsCheckedByItsConstraintNotByAReadBeforeEveryEvent() {
        for (int i = 0; i < 3; i++) {
            post("warm-" + i);
        }
        String keyed = event("keyed").replaceFirst("\\{\"type\"", "{\"idempotencyKey\":\"k-1\",\"type\"");
        double statements = count(SqlCounting.STATEMENTS);

        HttpResponse<String> first = http.post("/api/v1/events", keyed, acme.auth());

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(count(SqlCounting.STATEMENTS) - statements).as("the event and its delivery row").isEqualTo(2);
        JsonNode repeat = JSON.readTree(http.post("/api/v1/events", keyed, acme.auth()).body());
        assertThat(repeat.path("duplicate").asBoolean()).isTrue();
        assertThat(repeat.path("id").asString()).isEqualTo(JSON.readTree(first.body()).path("id").asString());
        assertThat(repeat.path("deliveries").asInt()).isEqualTo(1);
        assertThat(http.post("/api/v1/events", keyed.replace("\"id\":\"keyed\"", "\"id\":\"other\""), acme.auth())
                .statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from product_event where idempotency_key = 'k-1'").query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void eventsPostedTogetherAreStoredOnceEachRepeatsOfOneKeyAmongThem() throws Exception {
        post("warm");
        String keyed = event("keyed-together").replaceFirst("\\{\"type\"", "{\"idempotencyKey\":\"together\",\"type\"");
        int eventsBefore = jdbc.sql("select count(*) from product_event").query(Integer.class).single();
        int deliveriesBefore = jdbc.sql("select count(*) from ticket_delivery").query(Integer.class).single();
        double commits = count(SqlCounting.COMMITS);

        ExecutorService posters = Executors.newFixedThreadPool(16);
        List<Future<JsonNode>> receipts = new ArrayList<>();
        try {
            for (int i = 0; i < 48; i++) {
                String body = i % 6 == 0 ? keyed : event("together-" + i);
                receipts.add(posters.submit(() -> {
                    HttpResponse<String> response = http.post("/api/v1/events", body, acme.auth());
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                    return JSON.readTree(response.body());
                }));
            }
            Set<String> ids = new HashSet<>();
            Set<String> keyedIds = new HashSet<>();
            int firsts = 0;
            for (int i = 0; i < receipts.size(); i++) {
                JsonNode receipt = receipts.get(i).get(30, TimeUnit.SECONDS);
                assertThat(deliveries(receipt)).isEqualTo(1);
                ids.add(receipt.path("id").asString());
                if (i % 6 == 0) {
                    keyedIds.add(receipt.path("id").asString());
                    firsts += receipt.path("duplicate").asBoolean() ? 0 : 1;
                }
            }
            assertThat(keyedIds).as("eight posts of one key, one event").hasSize(1);
            assertThat(firsts).as("answered as new once").isEqualTo(1);
            assertThat(ids).hasSize(41);
        } finally {
            posters.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from product_event").query(Integer.class).single() - eventsBefore).isEqualTo(41);
        assertThat(jdbc.sql("select count(*) from ticket_delivery").query(Integer.class).single() - deliveriesBefore)
                .isEqualTo(41);
        System.out.printf("41 events posted from 16 threads: %.0f commits%n", count(SqlCounting.COMMITS) - commits);
    }

    @Test
    void aRuleSwitchedOffOrADestinationAddedOnThisNodeCountsForTheNextEvent() {
        assertThat(deliveries(post("before"))).isEqualTo(1);

        Destination saved = destinations.findById(destination.id()).orElseThrow();
        RuleSettings on = RuleSettings.fromCatalog(catalog.find(acme.id(), GUARDRAIL).orElseThrow());
        saved.updateRule(GUARDRAIL, new RuleSettings(false, on.issueType(), on.priority(), on.summaryTemplate(),
                on.descriptionFormat(), on.descriptionTemplate(), on.labels()), List.of(new IssueType("1", "Bug", false)),
                Instant.now());
        destinations.save(saved);
        assertThat(deliveries(post("switched-off"))).isZero();

        destinations.save(Destination.create(acme.id(), SITE, "OTHER", catalog.list(acme.id()),
                List.of(new IssueType("1", "Bug", false)), Instant.now()));
        assertThat(deliveries(post("second-destination"))).isEqualTo(1);
    }

    @Test
    void anEventTypeAddedOnThisNodeIsKnownToTheNextEvent() {
        String anomaly = """
                {"type":"anomaly.detected","subject":{"type":"monitor","id":"m-1","title":"Orders"},
                 "variables":{"monitorName":"Orders","metric":"row count"}}""";
        assertThat(http.post("/api/v1/events", anomaly, acme.auth()).statusCode()).isEqualTo(400);

        assertThat(http.put("/api/v1/event-types/anomaly.detected", """
                {"variables":["monitorName","metric"],"issueType":"Task","summaryTemplate":"{{metric}} on {{monitorName}}"}""",
                acme.auth()).statusCode()).isEqualTo(200);

        assertThat(http.post("/api/v1/events", anomaly, acme.auth()).statusCode()).isEqualTo(202);
    }

    @Test
    void aSiteUnlinkedOnThisNodeIsSkippedByTheNextEvent() {
        assertThat(deliveries(post("linked"))).isEqualTo(1);

        assertThat(http.delete("/api/v1/sites/" + SITE, acme.auth()).statusCode()).isLessThan(300);

        JsonNode receipt = post("unlinked");
        assertThat(deliveries(receipt)).isZero();
        assertThat(receipt.path("skipped").path(0).path("reason").asString()).isEqualTo("site not linked");
    }

    @Test
    void aKeyRevokedOnThisNodeIsRefusedAtOnceOneRevokedBehindItsBackWithinTheTimeToLive() {
        Organizations.Org second = organizations.key(acme.id());
        Organizations.Org third = organizations.key(acme.id());
        // A key's first call writes its last-used time and reads it again at the next: two calls and it is kept.
        for (Organizations.Org key : List.of(second, third, second, third)) {
            post("warm", key);
        }

        assertThat(http.delete("/api/v1/api-keys/" + second.keyId(), acme.auth()).statusCode()).isLessThan(300);
        assertThat(http.post("/api/v1/events", event("after-revoke"), second.auth()).statusCode()).isEqualTo(401);

        // Another node revoking it writes only the row: this node keeps the key it read until its time to live ends
        // (1 s by default; an hour here), then reads the row again and refuses it.
        jdbc.sql("update api_key set revoked_at = current_timestamp where id = ?").param(third.keyId()).update();
        assertThat(http.post("/api/v1/events", event("kept"), third.auth()).statusCode()).isEqualTo(202);
    }

    private JsonNode post(String subject) {
        return post(subject, acme);
    }

    private JsonNode post(String subject, Organizations.Org caller) {
        HttpResponse<String> response = http.post("/api/v1/events", event(subject), caller.auth());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }

    private static int deliveries(JsonNode receipt) {
        return receipt.path("deliveries").asInt();
    }

    private double count(String meter) {
        return meters.get(meter).counter().count();
    }

    private static String event(String subject) {
        return """
                {"type":"experiment.guardrail_breached",
                 "subject":{"type":"experiment","id":"%s","title":"Checkout","url":"https://exp.example/%s"},
                 "variables":{"experimentName":"Checkout","guardrailMetric":"Error rate","observedValue":0.052,
                   "thresholdValue":0.03,"breachDirection":"above","detectedAt":"2026-11-25T10:00:00Z",
                   "resultsUrl":"https://exp.example/results"}}""".formatted(subject, subject);
    }
}
