package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.auditcollector.AuditCollector;
import dev.ferry.auditcollector.AuditPollDrain;
import dev.ferry.auditcollector.CollectorFailure;
import dev.ferry.auditcollector.CollectorState;
import dev.ferry.jira.JiraAuditReads;
import dev.ferry.jira.JiraAuditReads.AuditPage;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.fault.Fault;
import dev.ferry.simulator.rest.AuditLog;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Audit collectors polling the simulated site over an API-token connection: a backfill in pages, each record
 * once whatever Jira does while paging (late records, shifting and short pages), crashes and rival pollers, and
 * the faults a collector meets (a non-admin account, a revoked token, a failing or throttling Jira), each resumed
 * where it stopped. The site's audit log outlives a test, so each test's records carry a word of its own, which
 * its collector filters on.
 */
@FerryJourney
class AuditPollJourneyTest {

    static final String PATH = "/rest/api/3/auditing/record";
    static final String ACCOUNT = "557058:audra";
    static final String EMAIL = "Audra@acme-audit.example";
    static final String FIRST = "ATATT3xFfGF0-audit-first-token";
    static final String SECOND = "ATATT3xFfGF0-audit-second-token";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    JiraSimulator jira;
    AuditLog log;
    ProductApi api;
    String connection;
    String word;

    @BeforeEach
    void acmeConnectsWithAudrasToken(Journey journey) {
        jira = journey.jira();
        log = jira.data().auditLog();
        jira.data().accounts().add(ACCOUNT, EMAIL, "Audra Admin");
        jira.data().grant(ACCOUNT, "ADMINISTER", true);
        jira.credentials().revokeApiToken(EMAIL);
        jira.credentials().addApiToken(EMAIL, FIRST);
        api = journey.newOrganization("Acme Audit");
        ProductApi.Reply added = api.post("/api/v1/connections", "{\"siteUrl\":\"" + jira.baseUrl() + "\",\"email\":\""
                + EMAIL + "\",\"token\":\"" + FIRST + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        connection = added.json().path("id").asString();
        word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @AfterEach
    void audraIsAdminAgainAndJiraAnswersWholePages() {
        jira.credentials().addApiToken(EMAIL, FIRST);
        jira.data().grant(ACCOUNT, "ADMINISTER", true);
        log.shortPages(0);
    }

    @Test
    void aBackfillOfFiveThousandRecordsStoresExactlyTheSimulatorsRecordsOnce() {
        Instant now = Instant.now();
        records(5000, now.minus(Duration.ofDays(10)), now.minusSeconds(60));
        String collector = collector(null);

        AuditPollDrain.drain(context, 400);

        assertThat(storedIds(collector)).isEqualTo(simulatorIds());
        assertThat(storedCount(collector)).isEqualTo(5000);
        AuditCollector done = AuditPollDrain.collector(context, collector);
        assertThat(done.state()).isEqualTo(CollectorState.RUNNING);
        assertThat(done.records()).isEqualTo(5000);
        assertThat(done.windowFrom()).isNull();
        assertThat(done.windowOffset()).isZero();
        assertThat(done.checkpoint()).isAfter(now.minusSeconds(1));
        assertThat(done.lastPollAt()).isNotNull();
        assertThat(done.newestRecordAt()).isEqualTo(now.minusSeconds(60).truncatedTo(ChronoUnit.MILLIS));
        assertThat(done.nextPollAt()).isAfter(Instant.now().plus(Duration.ofMinutes(4)));
        assertThat(done.leaseUntil()).isNull();
        assertThat(AuditPollDrain.drain(context)).as("nothing due until the poll interval is over").isZero();
    }

    @Test
    void aRecordIndexedLateBehindTheCheckpointButInsideTheOverlapIsStoredByTheNextPollAndNothingTwice() {
        Instant now = Instant.now();
        records(30, now.minus(Duration.ofHours(3)), now.minusSeconds(30));
        String collector = collector(null);
        AuditPollDrain.drain(context, 10);
        Instant checkpoint = AuditPollDrain.collector(context, collector).checkpoint();

        long late = log.add("Late " + word, "user management", checkpoint.minus(Duration.ofMinutes(5)));
        long fresh = log.add("Fresh " + word, "user management", Instant.now());
        AuditPollDrain.timePasses(context);
        AuditPollDrain.drain(context, 10);

        assertThat(storedIds(collector)).contains(late, fresh).isEqualTo(simulatorIds()).hasSize(32);
        assertThat(storedCount(collector)).isEqualTo(32);
        assertThat(AuditPollDrain.collector(context, collector).records()).isEqualTo(32);
    }

    @Test
    void aRecordAddedAtTheTopWhilePagingShiftsThePagesWithoutADuplicateOrAGap() {
        Instant now = Instant.now();
        records(50, now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(30)));
        String collector = collector(null);
        List<Long> inserted = new ArrayList<>();

        AuditPollDrain.drainMeanwhile(context, 10, 2, () -> inserted.add(log.add("Top " + word, "projects",
                AuditPollDrain.collector(context, collector).windowTo().minusMillis(1))));

        assertThat(storedCount(collector)).as("the shifted record seen twice, kept once").isEqualTo(50);
        AuditPollDrain.timePasses(context);
        AuditPollDrain.drain(context, 10);
        assertThat(storedIds(collector)).contains(inserted.get(0)).isEqualTo(simulatorIds()).hasSize(51);
        assertThat(storedCount(collector)).isEqualTo(51);
    }

    @Test
    void shortPagesMidRangeDoNotEndTheWindow() {
        Instant now = Instant.now();
        records(100, now.minus(Duration.ofHours(2)), now.minusSeconds(10));
        log.shortPages(7);
        String collector = collector(null);
        int before = log.requests();

        AuditPollDrain.drain(context, 20);

        assertThat(storedIds(collector)).isEqualTo(simulatorIds()).hasSize(100);
        assertThat(log.requests() - before).as("15 pages of 7 or fewer").isGreaterThanOrEqualTo(15);
    }

    @Test
    void anEmptyPageShortOfJirasTotalIsReadAgainNotTakenForTheEndOfTheWindow() {
        records(50, Instant.now().minus(Duration.ofHours(2)), Instant.now().minusSeconds(10));
        String collector = collector(null);
        AtomicBoolean emptied = new AtomicBoolean();
        JiraAuditReads reads = Mockito.spy(context.getBean(JiraAuditReads.class));
        Mockito.doAnswer(call -> {
            AuditPage page = (AuditPage) call.callRealMethod();
            return call.<Integer>getArgument(3) == 20 && emptied.compareAndSet(false, true)
                    ? new AuditPage(page.offset(), page.limit(), page.total(), List.of()) : page;
        }).when(reads).records(any(), any(), any(), anyInt(), anyInt(), any());

        AuditPollDrain.drain(context, 10, reads);
        AuditCollector waiting = AuditPollDrain.collector(context, collector);
        assertThat(waiting.failure()).isEqualTo(CollectorFailure.UNAVAILABLE);
        assertThat(waiting.lastError()).contains("no audit records at offset 20").contains("counts 50");
        assertThat(waiting.checkpoint()).as("the window is not over").isNull();

        AuditPollDrain.timePasses(context);
        AuditPollDrain.drain(context, 10, reads);
        assertThat(storedIds(collector)).isEqualTo(simulatorIds()).hasSize(50);
    }

    @Test
    void aPollerKilledMidBackfillLosesAndDoublesNothingAndTheNextResumesAtItsOffset() {
        Instant now = Instant.now();
        records(100, now.minus(Duration.ofHours(2)), now.minusSeconds(10));
        String collector = collector(null);

        assertThat(AuditPollDrain.drainDyingAfter(context, 10, 3)).isTrue();
        AuditCollector halfway = AuditPollDrain.collector(context, collector);
        assertThat(halfway.windowOffset()).isEqualTo(30);
        assertThat(halfway.records()).isEqualTo(30);
        assertThat(storedCount(collector)).as("the dying page rolled back with it").isEqualTo(30);
        assertThat(AuditPollDrain.drain(context, 10)).as("still the dead poller's until its lease runs out").isZero();

        AuditPollDrain.timePasses(context);
        AuditPollDrain.drain(context, 10);

        assertThat(storedIds(collector)).isEqualTo(simulatorIds()).hasSize(100);
        AuditCollector done = AuditPollDrain.collector(context, collector);
        assertThat(done.records()).isEqualTo(100);
        assertThat(done.windowFrom()).isNull();
        assertThat(done.checkpoint()).isEqualTo(halfway.windowTo());
    }

    @Test
    void aPollerStalledPastItsLeaseIsFencedOutByTheNodeThatTookOver() {
        Instant now = Instant.now();
        records(60, now.minus(Duration.ofHours(2)), now.minusSeconds(10));
        String collector = collector(null);
        int[] rivalTook = new int[1];

        AuditPollDrain.drainMeanwhile(context, 10, 2, () -> {
            AuditPollDrain.timePasses(context);
            rivalTook[0] = AuditPollDrain.drain(context, 10);
        });

        assertThat(rivalTook[0]).isEqualTo(1);
        assertThat(storedIds(collector)).isEqualTo(simulatorIds()).hasSize(60);
        AuditCollector done = AuditPollDrain.collector(context, collector);
        assertThat(done.records()).as("the stalled poller's last page counted nothing").isEqualTo(60);
        assertThat(done.windowFrom()).isNull();
        assertThat(done.leaseUntil()).isNull();
    }

    @Test
    void twoPollersRacingOnOneCollectorPollItOnceAtATime() throws Exception {
        Instant now = Instant.now();
        records(200, now.minus(Duration.ofHours(2)), now.minusSeconds(10));
        String collector = collector(null);
        int before = log.requests();

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> drain = () -> AuditPollDrain.drain(context, 10);
            int taken = 0;
            for (var future : threads.invokeAll(List.of(drain, drain))) {
                taken += future.get();
            }
            assertThat(taken).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }

        assertThat(storedIds(collector)).isEqualTo(simulatorIds()).hasSize(200);
        assertThat(AuditPollDrain.collector(context, collector).records()).isEqualTo(200);
        assertThat(log.requests() - before).as("20 full pages and the empty check: no page read twice")
                .isBetween(20, 21);
    }

    @Test
    void aNonAdminAccountFailsWithWordsWithoutARetryStormAndFlowsOnceGrantedAndResumed() {
        records(5, Instant.now().minus(Duration.ofHours(1)), Instant.now().minusSeconds(10));
        jira.data().grant(ACCOUNT, "ADMINISTER", false);
        String collector = collector(null);
        int before = log.requests();

        for (int turn = 0; turn < 20; turn++) {
            AuditPollDrain.drain(context);
        }

        assertThat(log.requests() - before).as("one refusal, then hours of quiet").isLessThanOrEqualTo(2);
        AuditCollector refused = AuditPollDrain.collector(context, collector);
        assertThat(refused.state()).isEqualTo(CollectorState.FAILING);
        assertThat(refused.failure()).isEqualTo(CollectorFailure.FORBIDDEN);
        assertThat(refused.lastError()).contains("the account needs the global permission \"Administer Jira\" to read them")
                .contains("Jira said: You do not have permission to view audit records.");
        assertThat(refused.nextPollAt()).isAfter(Instant.now().plus(Duration.ofHours(5)));

        jira.data().grant(ACCOUNT, "ADMINISTER", true);
        resume(collector);
        AuditPollDrain.drain(context);

        AuditCollector flowing = AuditPollDrain.collector(context, collector);
        assertThat(flowing.state()).isEqualTo(CollectorState.RUNNING);
        assertThat(flowing.lastError()).isNull();
        assertThat(flowing.attempts()).isZero();
        assertThat(storedIds(collector)).isEqualTo(simulatorIds()).hasSize(5);
    }

    @Test
    void aTokenRevokedMidBackfillParksTheCollectorUntilTheTokenIsReplacedThenItResumesWithNoGap() {
        records(100, Instant.now().minus(Duration.ofHours(2)), Instant.now().minusSeconds(10));
        String collector = collector(null);

        AuditPollDrain.drainMeanwhile(context, 10, 2, () -> jira.credentials().revokeApiToken(EMAIL));

        AuditCollector parked = AuditPollDrain.collector(context, collector);
        assertThat(parked.failure()).isEqualTo(CollectorFailure.UNAUTHORIZED);
        assertThat(parked.lastError()).contains("Authentication failed at Jira").contains("resumes where it stopped");
        assertThat(parked.windowOffset()).as("the page read before the revocation was kept").isEqualTo(30);
        assertThat(api.get("/api/v1/connections/" + connection).json().path("health").path("state").asString())
                .isEqualTo("credentials_rejected");
        assertThat(AuditPollDrain.drain(context, 10)).as("waits for new credentials").isZero();

        jira.credentials().addApiToken(EMAIL, SECOND);
        ProductApi.Reply replaced = api.patch("/api/v1/connections/" + connection, "{\"token\":\"" + SECOND + "\"}");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(AuditPollDrain.drain(context, 10)).as("the new token woke it").isEqualTo(1);

        assertThat(storedIds(collector)).isEqualTo(simulatorIds()).hasSize(100);
        AuditCollector done = AuditPollDrain.collector(context, collector);
        assertThat(done.state()).isEqualTo(CollectorState.RUNNING);
        assertThat(done.records()).isEqualTo(100);
    }

    @Test
    void aJiraFailingPastTheClientsRetriesBacksOffThenTheCollectorCompletes() {
        records(30, Instant.now().minus(Duration.ofHours(2)), Instant.now().minusSeconds(10));
        String collector = collector(null);
        jira.faults().add("GET", PATH, Fault.slow(Duration.ZERO), 1);
        jira.faults().add("GET", PATH, Fault.serverError(500), 5);

        AuditPollDrain.drain(context, 10);
        AuditCollector waiting = AuditPollDrain.collector(context, collector);
        assertThat(waiting.failure()).isEqualTo(CollectorFailure.UNAVAILABLE);
        assertThat(waiting.lastError()).contains("Jira answered 500").contains("where it stopped");
        assertThat(waiting.windowOffset()).isEqualTo(10);
        assertThat(waiting.nextPollAt()).isAfter(Instant.now().plusSeconds(20));
        assertThat(AuditPollDrain.drain(context, 10)).as("backing off").isZero();

        AuditPollDrain.timePasses(context);
        AuditPollDrain.drain(context, 10);
        assertThat(storedIds(collector)).isEqualTo(simulatorIds()).hasSize(30);
        assertThat(AuditPollDrain.collector(context, collector).failure()).isNull();
    }

    @Test
    void aJiraFailingTwiceIsRetriedByTheClientAndThePollCompletes() {
        records(30, Instant.now().minus(Duration.ofHours(2)), Instant.now().minusSeconds(10));
        String collector = collector(null);
        jira.faults().add("GET", PATH, Fault.serverError(500), 2);

        AuditPollDrain.drain(context, 10);

        assertThat(storedIds(collector)).isEqualTo(simulatorIds()).hasSize(30);
        assertThat(AuditPollDrain.collector(context, collector).failure()).isNull();
    }

    @Test
    void aRateLimitPastTheClientsPatienceWaitsAtLeastJirasRetryAfter() {
        records(20, Instant.now().minus(Duration.ofHours(2)), Instant.now().minusSeconds(10));
        String collector = collector(null);
        jira.faults().add("GET", PATH, Fault.rateLimited(Duration.ofSeconds(60), "jira-quota-tenant-based"), 1);

        AuditPollDrain.drain(context, 10);
        AuditCollector waiting = AuditPollDrain.collector(context, collector);
        assertThat(waiting.failure()).isEqualTo(CollectorFailure.UNAVAILABLE);
        assertThat(waiting.lastError()).contains("Rate limited by Atlassian");
        assertThat(waiting.nextPollAt()).isAfter(Instant.now().plusSeconds(50));

        jdbc.sql("update jira_rate_budget set blocked_until = null").update();
        AuditPollDrain.timePasses(context);
        AuditPollDrain.drain(context, 10);
        assertThat(storedIds(collector)).isEqualTo(simulatorIds()).hasSize(20);
    }

    @Test
    void aRecordWithFieldsFerryDoesNotKnowIsKeptExactlyAsReceived() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode odd = (ObjectNode) json.readTree("{\"summary\":\"Odd " + word + "\",\"category\":\"security\","
                + "\"created\":\"2026-12-01T10:15:30.123+0000\",\"riskScore\":0.93,"
                + "\"guard\":{\"policy\":\"p-7\",\"tags\":[\"a\",\"b\"]},\"objectItem\":{\"name\":\"x\",\"typeName\":\"USER\"}}");
        long id = log.add(odd);
        String collector = collector(null);

        AuditPollDrain.drain(context);

        String body = jdbc.sql("select body from jira_audit_record where collector_id = ? and record_id = ?")
                .params(collector, id).query(String.class).single();
        assertThat(json.readTree(body)).isEqualTo(json.readTree(log.byId(id).orElseThrow().toString()));
        assertThat(body).contains("\"riskScore\":0.93").contains("\"policy\":\"p-7\"");
    }

    @Test
    void aRecordFerryCannotReadStopsTheCollectorWithItsIdAndNothingIsSkippedOnceJiraAnswersIt() {
        records(5, Instant.now().minus(Duration.ofHours(1)), Instant.now().minusSeconds(10));
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        ObjectNode bad = new ObjectMapper().createObjectNode().put("summary", "Bad " + word).put("category", "x")
                .put("created", yesterday.atZone(ZoneOffset.UTC).toLocalDate().toString());
        long id = log.add(bad);
        String collector = collector(null);

        AuditPollDrain.drain(context);

        AuditCollector stopped = AuditPollDrain.collector(context, collector);
        assertThat(stopped.failure()).isEqualTo(CollectorFailure.UNREADABLE);
        assertThat(stopped.lastError()).contains("audit record " + id + " has an unreadable created time")
                .contains("no record is skipped");
        assertThat(storedCount(collector)).as("the page waits whole").isZero();

        bad.put("created", DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC)
                .format(yesterday));
        log.add(bad);
        AuditPollDrain.timePasses(context);
        AuditPollDrain.drain(context);

        assertThat(storedIds(collector)).contains(id).isEqualTo(simulatorIds()).hasSize(6);
        assertThat(AuditPollDrain.collector(context, collector).failure()).isNull();
    }

    @Test
    void aFailingCollectorNeverHoldsUpAFlowingOne() {
        records(20, Instant.now().minus(Duration.ofHours(2)), Instant.now().minusSeconds(10));
        jira.data().grant(ACCOUNT, "ADMINISTER", false);
        String failing = collector(null);
        String flowing = AuditPollDrain.addCollector(context, api.organizationId(), secondConnection(), null, word);

        assertThat(AuditPollDrain.drain(context, 10)).isEqualTo(2);

        assertThat(AuditPollDrain.collector(context, failing).failure()).isEqualTo(CollectorFailure.FORBIDDEN);
        assertThat(storedCount(failing)).isZero();
        assertThat(storedIds(flowing)).as("the flowing collector went on").isEqualTo(simulatorIds()).hasSize(20);
        assertThat(AuditPollDrain.collector(context, flowing).state()).isEqualTo(CollectorState.RUNNING);
    }

    @Test
    void aConnectionRemovedLeavesItsCollectorFailingWithWordsAndJiraUncalled() {
        records(5, Instant.now().minus(Duration.ofHours(1)), Instant.now().minusSeconds(10));
        String collector = collector(null);
        int before = log.requests();

        ProductApi.Reply deleted = api.delete("/api/v1/connections/" + connection);
        assertThat(deleted.status()).as(deleted.body()).isBetween(200, 204);

        AuditCollector gone = AuditPollDrain.collector(context, collector);
        assertThat(gone.failure()).isEqualTo(CollectorFailure.CONNECTION_GONE);
        assertThat(gone.lastError()).contains("Ferry cannot open the collector's connection");
        assertThat(gone.nextPollAt()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        AuditPollDrain.timePasses(context);
        assertThat(AuditPollDrain.drain(context)).isEqualTo(1);
        assertThat(AuditPollDrain.collector(context, collector).failure()).isEqualTo(CollectorFailure.CONNECTION_GONE);
        assertThat(log.requests()).isEqualTo(before);
    }

    /** A second account's token connection to the same site, in the same organization. */
    private String secondConnection() {
        String account = "557058:otto";
        String email = "Otto@acme-audit.example";
        String token = "ATATT3xFfGF0-audit-otto-token";
        jira.data().accounts().add(account, email, "Otto Other");
        jira.data().grant(account, "ADMINISTER", true);
        jira.credentials().addApiToken(email, token);
        ProductApi.Reply added = api.post("/api/v1/connections", "{\"siteUrl\":\"" + jira.baseUrl() + "\",\"email\":\""
                + email + "\",\"token\":\"" + token + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().path("id").asString();
    }

    /** {@code count} records of this test spread evenly over [from, to], the newest at {@code to}. */
    private void records(int count, Instant from, Instant to) {
        long span = Duration.between(from, to).toMillis();
        for (int i = 0; i < count; i++) {
            Instant created = to.minusMillis(count == 1 ? 0 : span * i / (count - 1));
            log.add("Group updated " + word + " " + i, "group management", created);
        }
    }

    private String collector(Instant startFrom) {
        return AuditPollDrain.addCollector(context, api.organizationId(), connection, startFrom, word);
    }

    /** What a resume or an edit does: due now, its failure cleared. */
    private void resume(String collector) {
        jdbc.sql("update audit_collector set next_poll_at = ?, failure = null, last_error = null, paused = false where id = ?")
                .params(Timestamp.from(Instant.now()), collector).update();
    }

    private Set<Long> simulatorIds() {
        return log.all().stream().filter(record -> record.path("summary").asText().contains(word))
                .map(record -> record.path("id").asLong()).collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<Long> storedIds(String collector) {
        return new TreeSet<>(jdbc.sql("select record_id from jira_audit_record where collector_id = ?").param(collector)
                .query(Long.class).list());
    }

    private long storedCount(String collector) {
        return jdbc.sql("select count(*) from jira_audit_record where collector_id = ?").param(collector)
                .query(Long.class).single();
    }
}
