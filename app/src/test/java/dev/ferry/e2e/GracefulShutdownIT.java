package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.simulator.JiraSimulator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM, as an orchestrator stops a container: Ferry (its packaged jar, on its default H2 file) stops taking
 * new requests, answers the ones in flight, and exits by itself within the shutdown phase, with no error in its
 * log: above all no "Database is already closed", which H2's own shutdown hook caused by closing the database
 * under Spring while it was still draining. The file then opens cleanly. Runs in {@code mvn verify} (failsafe).
 */
class GracefulShutdownIT {

    private static final String OPERATOR = "operator-token-for-the-shutdown-test";
    private static final Duration STARTUP = Duration.ofMinutes(3);
    /** How long each call to the simulated Jira takes once the stop comes, so a request is surely in flight. */
    private static final Duration SLOW_JIRA = Duration.ofSeconds(3);

    /** Kept when the test fails: Ferry's log is there. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @Test
    void sigtermAnswersTheRequestsInFlightAndClosesTheDatabaseAfterSpring() throws Exception {
        try (JiraSimulator jira = JiraSimulator.start()) {
            jira.skipSpecCheck();
            jira.latency(Duration.ofMillis(10));
            int port = FerryBesideJira.freePort();
            String url = FerryBesideJira.baseUrl(port);
            FerryJar ferry = new FerryJar(Path.of(System.getProperty("ferry.jar", "target/ferry.jar")).toAbsolutePath(),
                    work, arguments(jira, port));
            ferry.start(url, STARTUP);
            ProductApi api = ProductApi.newOrganization(url, OPERATOR, "Shutdown test");
            LinkedDestinations.create(jira, api, url, "FERRY");
            String site = jira.site().identity().clientKey();
            String commented = jira.admin().createIssue("OPS", "Task", "Commented on by the webhooks");
            ProductApi.Reply projects;
            long stopped;
            try (Traffic traffic = Traffic.start(api, jira, commented, 3, 2)) {
                // Events become deliveries that call Jira: workers hold Jira calls when the stop comes.
                traffic.awaitMoreAcknowledged(100, STARTUP);
                jira.latency(SLOW_JIRA);
                // Answered only once Ferry has asked Jira for the site's projects: in flight when SIGTERM comes.
                CompletableFuture<ProductApi.Reply> inFlight = CompletableFuture
                        .supplyAsync(() -> api.get("/api/v1/sites/" + site + "/projects"));
                Thread.sleep(SLOW_JIRA.toMillis() / 3);
                assertThat(inFlight).as("the request still waits for Jira").isNotDone();
                stopped = System.nanoTime();
                ferry.stop(); // SIGTERM, then waits (SIGKILL only after 60 s)
                projects = inFlight.get(1, TimeUnit.MINUTES);
            }
            Duration stopping = Duration.ofNanos(System.nanoTime() - stopped);
            String log = Files.readString(ferry.log(1));
            assertThat(projects.status()).as("the request in flight at SIGTERM: %s", projects.body()).isEqualTo(200);
            assertThat(stopping).as("Ferry exited by itself, within its shutdown phases").isLessThan(Duration.ofSeconds(50));
            assertThat(log).as("Spring's graceful shutdown ran").contains("Commencing graceful shutdown")
                    .contains("Graceful shutdown complete");
            assertThat(log.lines().filter(line -> line.toLowerCase(Locale.ROOT).contains("already closed")))
                    .as("the database closed under Spring").isEmpty();
            assertThat(log.lines().filter(line -> line.contains(" ERROR "))).as("errors in Ferry's log").isEmpty();
            assertThat(storedEvents(work)).as("the file opens after the stop").isPositive();
        }
    }

    private static List<String> arguments(JiraSimulator jira, int port) {
        return List.of("--server.address=127.0.0.1", "--server.port=" + port,
                "--ferry.base-url=" + FerryBesideJira.baseUrl(port), "--ferry.connect.install-keys-urls=" + jira.installKeysUrl(),
                "--ferry.connect.install-keys-timeout=15s", "--ferry.admin.operator-token=" + OPERATOR,
                "--ferry.outbound.allowed-hosts=" + URI.create(jira.baseUrl()).getAuthority(),
                "--ferry.secret-key=dGVzdC1vbmx5LWtleS0wMDAwMDAwMDAwMDAwMDAwMDA=",
                "--ferry.jira.requests-per-second=1000", "--ferry.delivery.poll-interval=100ms",
                "--ferry.admin.limits.per-key=100000/1s", "--ferry.admin.limits.per-address=100000/1s",
                "--spring.main.banner-mode=off");
    }

    private static long storedEvents(Path work) throws Exception {
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("data/ferry"));
                ResultSet count = h2.createStatement().executeQuery("select count(*) from product_event")) {
            count.next();
            return count.getLong(1);
        }
    }
}
