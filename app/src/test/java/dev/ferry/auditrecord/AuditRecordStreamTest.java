package dev.ferry.auditrecord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.Eventually;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.net.http.HttpResponse;
import dev.ferry.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A SIEM forwarder tails the audit records as Server-Sent Events and resumes by position, missing nothing. */
@FerryIntegrationTest
class AuditRecordStreamTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant T = Instant.parse("2026-11-02T10:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    AuditRecordStore store;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Organizations organizations;
    @Autowired
    AuditRecordFollowers followers;
    @Autowired
    AuditRecordsProperties properties;

    AuditRecordFixtures fixtures;
    Organizations.Org acme;
    String collector;

    @BeforeEach
    void acmeCollectsAuditRecords() {
        fixtures = new AuditRecordFixtures(store, transaction, jdbc);
        acme = organizations.create("Acme Follow");
        collector = fixtures.collector(acme.id());
    }

    @Test
    void aFollowerGetsTheStoredRecordsThenNewOnesAndResumesWithLastEventIdMissingNothing() throws Exception {
        fixtures.store(acme.id(), collector, T, 3, "group management");
        List<String> positions = new ArrayList<>();
        try (EventStream stream = EventStream.open(port, "/api/v1/audit-records/stream", acme.auth())) {
            assertThat(stream.response.statusCode()).isEqualTo(200);
            assertThat(stream.response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            for (String[] event : stream.events(3)) {
                JsonNode line = JSON.readTree(event[1]);
                assertThat(line.path("position").asString()).isEqualTo(event[0]);
                assertThat(line.path("collectorId").asString()).isEqualTo(collector);
                assertThat(line.path("record").path("id").asLong()).isEqualTo(line.path("recordId").asLong());
                positions.add(event[0]);
            }

            fixtures.store(acme.id(), collector, T.plusSeconds(10), 2, "group management");
            stream.events(2).forEach(event -> positions.add(event[0]));
        }
        assertThat(positions).hasSize(5).doesNotHaveDuplicates();

        // stored while the forwarder was away
        fixtures.store(acme.id(), collector, T.plusSeconds(20), 4, "group management");
        try (EventStream again = EventStream.open(port, "/api/v1/audit-records/stream?collector=" + collector,
                acme.auth()[0], acme.auth()[1], "Last-Event-ID", positions.get(4))) {
            List<String[]> rest = again.events(4);
            assertThat(rest).extracting(event -> Long.parseLong(event[0])).isSorted()
                    .allMatch(position -> position > Long.parseLong(positions.get(4)));
            assertThat(again.quietFor(Duration.ofMillis(1500))).as("exactly the rest, nothing more").isTrue();
        }
        List<Long> all = jdbc.queryForList("select position from jira_audit_record where organization_id = ?"
                + " order by position", Long.class, acme.id());
        assertThat(all).hasSize(9);
    }

    @Test
    void anIdleStreamSendsHeartbeatsAndAClosedOneIsLetGo() throws Exception {
        EventStream stream = EventStream.open(port, "/api/v1/audit-records/stream?after=0", acme.auth());
        assertThat(stream.comment()).startsWith(":following after 0");
        assertThat(stream.comment()).isEqualTo(":heartbeat");
        assertThat(followers.open(acme.id())).isEqualTo(1);

        stream.close();

        // the next heartbeat meets the closed connection
        Eventually.await(() -> followers.open(acme.id()) == 0);
    }

    @Test
    void aLongPollAnswersAsSoonAsARecordFollowsThePositionOrEmptyAtTheEndOfItsWait() throws Exception {
        fixtures.store(acme.id(), collector, T, 2, "group management");
        long last = jdbc.queryForObject("select max(position) from jira_audit_record", Long.class);
        Http http = new Http(port);

        long started = System.nanoTime();
        JsonNode empty = JSON.readTree(http.get("/api/v1/audit-records?after=" + last + "&wait=1s", acme.auth()).body());
        assertThat(empty.path("records")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));

        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(
                () -> http.get("/api/v1/audit-records?after=" + last + "&wait=30s", acme.auth()));
        Thread.sleep(300);
        started = System.nanoTime();
        fixtures.store(acme.id(), collector, T.plusSeconds(5), 1, "group management");
        JsonNode page = JSON.readTree(waiting.get(10, TimeUnit.SECONDS).body());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("woken by the store").isLessThan(Duration.ofSeconds(5));
        assertThat(page.path("records")).singleElement().satisfies(r -> assertThat(r.path("position").asLong())
                .isGreaterThan(last));
        AuditRecordsApiTest.assertProblem(http.get("/api/v1/audit-records?after=1&wait=2m", acme.auth()), 400, "wait");
        AuditRecordsApiTest.assertProblem(http.get("/api/v1/audit-records?after=1&cursor=x", acme.auth()), 400,
                "not both");
    }

    @Test
    void oneStreamMoreThanTheOrganizationMayHoldIsAnswered429() throws Exception {
        List<EventStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < properties.maxStreamsPerOrganization(); i++) {
                open.add(EventStream.open(port, "/api/v1/audit-records/stream", acme.auth()));
                assertThat(open.get(i).response.statusCode()).isEqualTo(200);
            }
            var refused = new Http(port).get("/api/v1/audit-records/stream", acme.auth());
            AuditRecordsApiTest.assertProblem(refused, 429, "max-streams-per-organization");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();

            Organizations.Org globex = organizations.create("Globex Follow");
            try (EventStream theirs = EventStream.open(port, "/api/v1/audit-records/stream", globex.auth())) {
                assertThat(theirs.response.statusCode()).as("another organization's own limit").isEqualTo(200);
            }
        } finally {
            open.forEach(EventStream::close);
        }
    }
}
