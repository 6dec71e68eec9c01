package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ingest.job.IngestDrain;
import dev.ferry.jira.SimulatedIssueStream;
import dev.ferry.jira.SimulatedPageStream;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.fault.Fault;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import dev.ferry.simulator.rest.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Fetch now over an API-token connection against the simulated site: the range read page by page with its
 * progress, each activity stored once, and the faults a fetch meets on the way (a killed worker, a failing
 * Jira, a revoked token) each resumed at the page it stopped on.
 */
@FerryJourney
class IngestFetchJourneyTest {

    static final AtomicInteger PROJECTS = new AtomicInteger();
    static final String SEARCH = "/rest/api/3/search/jql";
    static final String ACCOUNT = "557058:iris";
    static final String EMAIL = "Iris@acme-activity.example";
    static final String FIRST = "ATATT3xFfGF0-ingest-first-token";
    static final String SECOND = "ATATT3xFfGF0-ingest-second-token";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    JiraSimulator jira;
    ProductApi api;
    String connection;
    Instant from;

    @BeforeEach
    void acmeConnectsWithIrisTokenAndFiveIssuesAreFiled(Journey journey) throws InterruptedException {
        jira = journey.jira();
        jira.data().accounts().add(ACCOUNT, EMAIL, "Iris Ingest");
        jira.credentials().revokeApiToken(EMAIL);
        jira.credentials().addApiToken(EMAIL, FIRST);
        api = journey.newOrganization("Acme Activity");
        ProductApi.Reply added = api.post("/api/v1/connections", "{\"siteUrl\":\"" + jira.baseUrl() + "\",\"email\":\""
                + EMAIL + "\",\"token\":\"" + FIRST + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        connection = added.json().path("id").asString();
        from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Thread.sleep(5);
        String project = freshProject(jira);
        for (int i = 1; i <= 5; i++) {
            jira.admin().createIssue(project, "Task", "Ingest issue " + i);
        }
        Thread.sleep(5);
    }

    @AfterEach
    void irisTokenWorksAgain() {
        jira.credentials().addApiToken(EMAIL, FIRST);
    }

    @Test
    void aFetchReadsTheRangePageByPageWithProgressAndStoresEachActivityOnce() {
        ProductApi.Reply started = fetch();
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode queued = started.json();
        assertThat(queued.path("state").asString()).isEqualTo("queued");
        assertThat(queued.path("progress").asInt()).isZero();
        assertThat(queued.path("streams").get(0).asString()).isEqualTo(SimulatedIssueStream.NAME);
        assertThat(Instant.parse(queued.path("to").asString())).as("a to past now is cut at now")
                .isBefore(Instant.now().plusSeconds(1));

        IngestDrain.drain(context);

        JsonNode done = job(queued.path("id").asString());
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("done");
        assertThat(done.path("records").asLong()).isEqualTo(5);
        assertThat(done.path("pages").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(done.path("progress").asInt()).isEqualTo(100);
        assertThat(stored()).isEqualTo(5);
        assertThat(audited("INGEST_FETCH_STARTED")).isEqualTo(1);

        JsonNode again = fetch().json();
        IngestDrain.drain(context);
        assertThat(job(again.path("id").asString()).path("records").asLong()).as("seen again, stored once").isZero();
        assertThat(stored()).isEqualTo(5);
        assertThat(api.get("/api/v1/connections/" + connection + "/fetches").json().path("fetches")).hasSize(2);
    }

    @Test
    void aWorkerKilledInsideAPageLosesAndDoublesNothingAndTheNextResumesAtThatPage() {
        String id = fetch().json().path("id").asString();

        assertThat(IngestDrain.drainDyingInPage(context, 1)).isTrue();
        JsonNode halfway = job(id);
        assertThat(halfway.path("state").asString()).isEqualTo("running");
        assertThat(halfway.path("pages").asLong()).isEqualTo(1);
        assertThat(halfway.path("records").asLong()).isEqualTo(2);
        assertThat(halfway.path("progress").asInt()).isBetween(1, 99);
        assertThat(stored()).as("the dying page's activities rolled back with it").isEqualTo(2);
        assertThat(IngestDrain.drain(context)).as("still the dead worker's until its lease runs out").isZero();

        IngestDrain.timePasses(context);
        IngestDrain.drain(context);

        JsonNode done = job(id);
        assertThat(done.path("state").asString()).isEqualTo("done");
        assertThat(done.path("records").asLong()).isEqualTo(5);
        assertThat(stored()).isEqualTo(5);
    }

    @Test
    void aCancelTakesEffectBetweenPagesAndKeepsWhatWasStored() {
        String id = fetch().json().path("id").asString();
        IngestDrain.drainDyingInPage(context, 1);

        ProductApi.Reply cancel = api.post("/api/v1/fetches/" + id + "/cancel", "{}");
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        assertThat(cancel.json().path("cancelRequested").asBoolean()).isTrue();
        IngestDrain.timePasses(context);
        IngestDrain.drain(context);

        JsonNode cancelled = job(id);
        assertThat(cancelled.path("state").asString()).isEqualTo("cancelled");
        assertThat(cancelled.path("records").asLong()).isEqualTo(2);
        assertThat(stored()).isEqualTo(2);
        assertThat(audited("INGEST_FETCH_CANCELLED")).isEqualTo(1);
        ProductApi.Reply twice = api.post("/api/v1/fetches/" + id + "/cancel", "{}");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(fetch().status()).as("the connection is free for the next fetch").isEqualTo(202);
    }

    @Test
    void aFailingJiraOnPageTwoIsTriedAgainFromThatPageThenTheFetchCompletes() {
        jira.faults().add("POST", SEARCH, Fault.slow(Duration.ZERO), 1);
        jira.faults().add("POST", SEARCH, Fault.serverError(500), 5);
        String id = fetch().json().path("id").asString();

        IngestDrain.drain(context);
        JsonNode waiting = job(id);
        assertThat(waiting.path("state").asString()).as(waiting.toString()).isEqualTo("waiting");
        assertThat(waiting.path("error").asString()).contains("Jira answered 500").contains("attempt 2 of");
        assertThat(waiting.path("pages").asLong()).isEqualTo(1);

        IngestDrain.timePasses(context);
        IngestDrain.drain(context);
        JsonNode done = job(id);
        assertThat(done.path("state").asString()).isEqualTo("done");
        assertThat(done.path("records").asLong()).isEqualTo(5);
        assertThat(done.path("error").asString("")).isEmpty();
        assertThat(stored()).isEqualTo(5);
    }

    @Test
    void aRateLimitPastTheInlineWaitOnlySlowsTheFetchWhichResumesAtThatPage() {
        jira.faults().add("POST", SEARCH, Fault.slow(Duration.ZERO), 1);
        jira.faults().add("POST", SEARCH, Fault.rateLimited(Duration.ofSeconds(60), "jira-quota-tenant-based"), 1);
        String id = fetch().json().path("id").asString();

        IngestDrain.drain(context);
        JsonNode waiting = job(id);
        assertThat(waiting.path("state").asString()).as(waiting.toString()).isEqualTo("waiting");
        assertThat(waiting.path("error").asString()).contains("Rate limited by Atlassian").contains("where it stopped");
        assertThat(Instant.parse(waiting.path("nextAttemptAt").asString()))
                .as("at Jira's Retry-After, not before").isAfter(Instant.now().plusSeconds(50));
        assertThat(waiting.path("pages").asLong()).isEqualTo(1);

        // Jira's minute passes: the site's pause and the job's wait end.
        jdbc.sql("update jira_rate_budget set blocked_until = null").update();
        IngestDrain.timePasses(context);
        IngestDrain.drain(context);
        JsonNode done = job(id);
        assertThat(done.path("state").asString()).isEqualTo("done");
        assertThat(done.path("records").asLong()).isEqualTo(5);
        assertThat(stored()).isEqualTo(5);
    }

    @Test
    void aJiraThatKeepsFailingFailsTheFetchWithWordsAfterTheAttemptsAllowed() {
        jira.faults().add("POST", SEARCH, Fault.serverError(503), 1000);
        String id = fetch().json().path("id").asString();
        for (int attempt = 0; attempt < 10 && job(id).path("state").asString().matches("queued|waiting|running"); attempt++) {
            IngestDrain.timePasses(context);
            IngestDrain.drain(context);
        }
        JsonNode failed = job(id);
        assertThat(failed.path("state").asString()).isEqualTo("failed");
        assertThat(failed.path("error").asString()).contains("Jira answered 503").contains("Gave up after 6 attempts");
        jira.faults().clear();
        assertThat(fetch().status()).isEqualTo(202);
    }

    @Test
    void aTokenRevokedMidFetchParksItWithWordsUntilTheTokenIsReplacedThenItResumesAndCompletes() {
        jira.faults().add("POST", SEARCH, Fault.slow(Duration.ZERO), 1);
        jira.faults().add("POST", SEARCH, Fault.unauthorized(), 1);
        String id = fetch().json().path("id").asString();
        IngestDrain.drain(context);
        jira.credentials().revokeApiToken(EMAIL);

        JsonNode waiting = job(id);
        assertThat(waiting.path("state").asString()).isEqualTo("waiting");
        assertThat(waiting.path("error").asString()).contains("Jira rejected the API token: replace it on the Connections page")
                .contains("the fetch resumes after that");
        assertThat(api.get("/api/v1/connections/" + connection).json().path("health").path("state").asString())
                .isEqualTo("credentials_rejected");
        IngestDrain.timePasses(context);
        IngestDrain.drain(context);
        assertThat(job(id).path("state").asString()).as("still rejected").isEqualTo("waiting");
        assertThat(job(id).path("pages").asLong()).isEqualTo(1);

        jira.credentials().addApiToken(EMAIL, SECOND);
        ProductApi.Reply replaced = api.patch("/api/v1/connections/" + connection, "{\"token\":\"" + SECOND + "\"}");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        IngestDrain.drain(context);

        JsonNode done = job(id);
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("done");
        assertThat(done.path("records").asLong()).isEqualTo(5);
        assertThat(stored()).isEqualTo(5);
    }

    @Test
    void aConfluenceRefusalWaitsAndNewConfluenceCredentialsWakeItAtOnce() {
        jira.faults().add("GET", "/wiki/api/v2/spaces", Fault.unauthorized(), 1);
        ProductApi.Reply started = api.post("/api/v1/connections/" + connection + "/fetch", "{\"from\":\"" + from
                + "\",\"to\":\"" + Instant.now() + "\",\"streams\":[\"" + SimulatedPageStream.NAME + "\"]}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().path("id").asString();
        IngestDrain.drain(context);
        assertThat(job(id).path("state").asString()).isEqualTo("waiting");
        IngestDrain.drain(context);
        assertThat(job(id).path("state").asString()).as("an hour's recheck away").isEqualTo("waiting");

        ProductApi.Reply replaced = api.patch("/api/v1/connections/" + connection, "{\"confluenceToken\":\"" + FIRST + "\"}");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        IngestDrain.drain(context);

        assertThat(job(id).path("state").asString()).as(job(id).toString()).isEqualTo("done");
    }

    @Test
    void oneFetchAtATimePerConnectionAndOneWorkerPerJobAcrossRacingNodes() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<ProductApi.Reply> start = this::fetch;
            List<Future<ProductApi.Reply>> replies = threads.invokeAll(List.of(start, start));
            List<Integer> statuses = replies.stream().map(reply -> join(reply).status()).sorted().toList();
            assertThat(statuses).isEqualTo(List.of(202, 409));
            ProductApi.Reply refused = replies.stream().map(IngestFetchJourneyTest::join).filter(r -> r.status() == 409)
                    .findFirst().orElseThrow();
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("detail").asString()).contains("a fetch is already");

            Callable<Integer> drain = () -> IngestDrain.drain(context);
            List<Integer> taken = threads.invokeAll(List.of(drain, drain)).stream().map(IngestFetchJourneyTest::join)
                    .toList();
            assertThat(taken.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        JsonNode done = api.get("/api/v1/connections/" + connection + "/fetches").json().path("fetches").get(0);
        assertThat(done.path("state").asString()).isEqualTo("done");
        assertThat(done.path("records").asLong()).isEqualTo(5);
        assertThat(stored()).isEqualTo(5);
    }

    /** A project of the test's own, read by {@link SimulatedIssueStream}: the site's issues outlive a test. */
    static String freshProject(JiraSimulator jira) {
        int n = PROJECTS.incrementAndGet();
        String key = "IN" + (char) ('A' + n / 26 % 26) + (char) ('A' + n % 26);
        jira.data().addProject(Integer.toString(40_000 + n), key, "Ingest " + n,
                List.of(new Project.IssueType("10001", "Task", false)));
        SimulatedIssueStream.project = key;
        return key;
    }

    private ProductApi.Reply fetch() {
        return api.post("/api/v1/connections/" + connection + "/fetch", "{\"from\":\"" + from + "\",\"to\":\""
                + Instant.now().plus(Duration.ofDays(1)) + "\",\"streams\":[\"" + SimulatedIssueStream.NAME + "\"]}");
    }

    private JsonNode job(String id) {
        ProductApi.Reply reply = api.get("/api/v1/fetches/" + id);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private long stored() {
        return jdbc.sql("select count(*) from activity where connection_id = ?").param(connection).query(Long.class)
                .single();
    }

    private long audited(String action) {
        return jdbc.sql("select count(*) from audit_record where action = ?").param(action).query(Long.class).single();
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
