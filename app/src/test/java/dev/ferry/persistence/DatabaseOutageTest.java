package dev.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.site.TestSites;
import dev.ferry.support.Eventually;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.IssueEvents;
import dev.ferry.support.Organizations;
import dev.ferry.support.TcpProxy;
import dev.ferry.support.Tokens;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.tools.Server;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The database goes away under a running Ferry (its connections broken, new ones refused: a network
 * outage, a database restart or failover) and comes back. Ferry answers quickly and retryably meanwhile,
 * says it is not ready, keeps its workers and its log quiet, and needs no restart. Runs on the suite's
 * database: PostgreSQL through a relay, or H2 served over TCP through the same relay.
 */
@FerryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = {
        "ferry.webhooks.store-timeout=5s", "ferry.database.outage-hold=2s",
        "ferry.webhooks.worker-enabled=true", "ferry.webhooks.poll-interval=50ms",
        "ferry.delivery.worker-enabled=true", "ferry.delivery.poll-interval=50ms",
        "ferry.panels.glance-worker-enabled=true", "ferry.panels.glance-poll-interval=50ms",
        // Spring Session's own cleanup job is not Ferry's to pace; off, so it does not log into the count.
        "spring.session.jdbc.cleanup-cron=-"})
class DatabaseOutageTest {

    static final String SITE = "outage-site";
    static final String SECRET = "outage-site-shared-secret-long-enough-000001";
    static final String COMMENTS = "/webhooks/comment-created";
    static final Duration STORE_TIMEOUT = Duration.ofSeconds(5);
    static final TcpProxy DATABASE = relayToTheSuiteDatabase();
    static String url;

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    Organizations organizations;
    @Autowired
    TestSites sites;
    @Autowired
    Tokens tokens;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> url);
    }

    @Autowired
    DataSource dataSource;

    /** Back for the next test, whose set-up must not meet a connection the cut left in the pool. */
    @AfterEach
    void databaseBack() {
        DATABASE.restore();
        ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
    }

    @Test
    void anApiCallWhileTheDatabaseIsOutIsAnswered503WithinSecondsAndWorksOnceItIsBack() {
        Http http = new Http(port);
        var acme = organizations.create("Acme");
        DATABASE.cut();

        Instant asked = Instant.now();
        var refused = http.post("/api/v1/events", event("exp-1"), acme.auth());

        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertUnavailable(refused);
        assertThat(refused.body()).contains("Database unavailable").doesNotContainIgnoringCase("jdbc")
                .doesNotContainIgnoringCase("sql").doesNotContainIgnoringCase("hikari").doesNotContain("127.0.0.1");

        DATABASE.restore();
        Eventually.await(() -> http.post("/api/v1/events", event("exp-2"), acme.auth()).statusCode() == 202);
        assertThat(http.post("/api/v1/events", event("exp-3"), acme.auth()).statusCode()).isEqualTo(202);
    }

    @Test
    void aWebhookWhileTheDatabaseIsOutIsAnswered503WithinTheStoreTimeoutAndTakenOnceItIsBack() {
        Http http = new Http(port);
        sites.install(SITE, SECRET);
        DATABASE.cut();

        Instant sent = Instant.now();
        var refused = deliver(http, "outage-1");

        assertThat(Duration.between(sent, Instant.now())).isLessThan(STORE_TIMEOUT);
        assertUnavailable(refused);

        DATABASE.restore();
        Eventually.await(() -> deliver(http, "outage-1").statusCode() == 204);
        assertThat(deliver(http, "outage-1").statusCode()).isEqualTo(204);
    }

    @Test
    void readinessAndHealthAreDownWhileTheDatabaseIsOutAndUpOnceItIsBack() {
        Http http = new Http(port);
        Http management = new Http(managementPort);
        assertThat(http.get("/readyz").statusCode()).isEqualTo(200);
        DATABASE.cut();

        var readiness = http.get("/readyz");
        var health = management.get("/actuator/health");
        var liveness = http.get("/livez");

        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(liveness.statusCode()).as("a restart would not bring the database back").isEqualTo(200);

        DATABASE.restore();
        Eventually.await(() -> http.get("/readyz").statusCode() == 200);
        assertThat(http.get("/readyz").body()).contains("\"status\":\"UP\"");
        assertThat(management.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    /** First: a worker still backing off from an earlier test's outage would not log this one at once. */
    @Test
    @Order(1)
    void workersWaitTheOutageOutAndLogItOnceInsteadOfAtEveryPoll(CapturedOutput output) throws Exception {
        int before = output.getOut().length();
        DATABASE.cut();

        Thread.sleep(6_000);
        String during = output.getOut().substring(before);

        for (String worker : new String[] {"inbox worker", "delivery worker", "glance badge worker"}) {
            assertThat(count(during, worker + " paused")).as(worker).isBetween(1, 1);
        }
        assertThat(during).doesNotContain("Unexpected error occurred in scheduled task")
                .doesNotContain("could not claim work");

        DATABASE.restore();
        awaitLine(output, before, "inbox worker: the database is available again");
        awaitLine(output, before, "delivery worker: the database is available again");
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    private HttpResponse<String> deliver(Http http, String webhookId) {
        return http.post(COMMENTS, IssueEvents.comment("10000", 1L), "Authorization",
                "JWT " + tokens.request(SITE, SECRET, "POST", COMMENTS), "X-Atlassian-Webhook-Identifier", webhookId);
    }

    /** A guardrail event about {@code experimentId}, as the product sends it. */
    static String event(String experimentId) {
        return """
                {"type":"experiment.guardrail_breached",
                 "subject":{"type":"experiment","id":"%s","title":"Checkout","url":"https://exp.example/%s"},
                 "variables":{"experimentName":"Checkout","guardrailMetric":"Error rate","observedValue":0.052,
                   "thresholdValue":0.03,"breachDirection":"above","detectedAt":"2026-11-25T10:00:00Z",
                   "resultsUrl":"https://exp.example/results"}}""".formatted(experimentId, experimentId);
    }

    /** How often {@code needle} stands in {@code text}. */
    static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    /** The workers back off up to 30 s, so they may take that long to look again. */
    private static void awaitLine(CapturedOutput output, int from, String line) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(45);
        while (!output.getOut().substring(from).contains(line) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(output.getOut().substring(from)).contains(line);
    }

    /** PostgreSQL as the suite names it, or an H2 served over TCP in this JVM, either behind the relay. */
    private static TcpProxy relayToTheSuiteDatabase() {
        String suite = System.getProperty("spring.datasource.url", "");
        Matcher postgres = Pattern.compile("^jdbc:postgresql://([^/:]+):(\\d+)/").matcher(suite);
        if (postgres.find()) {
            TcpProxy proxy = TcpProxy.to(postgres.group(1), Integer.parseInt(postgres.group(2)));
            url = suite.replaceFirst("//[^/:]+:\\d+/", "//127.0.0.1:" + proxy.port() + "/");
            return proxy;
        }
        try {
            Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
            TcpProxy proxy = TcpProxy.to("127.0.0.1", h2.getPort());
            url = "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/mem:ferry-outage;DB_CLOSE_DELAY=-1";
            return proxy;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start an H2 TCP server", e);
        }
    }
}
