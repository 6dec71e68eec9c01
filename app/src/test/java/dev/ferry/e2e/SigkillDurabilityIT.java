package dev.ferry.e2e;

import dev.ferry.jira.JiraClient;
import dev.ferry.simulator.JiraSimulator;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Ferry's promise on its default database: a 2xx means stored. Ferry runs from its packaged jar on the
 * default datasource (the H2 file under {@code ./data}) while a product posts events and Jira sends
 * webhooks from eight threads; it is killed with SIGKILL twice mid-stream and started again on the same
 * file. Every event answered 202 and every webhook answered 204 must then be there once, and Jira must
 * hold one ticket per delivery: a lost "write attempted" mark would file a second one.
 * Runs in {@code mvn verify} after packaging (failsafe), on H2 only.
 */
class SigkillDurabilityIT {

    private static final String OPERATOR = "operator-token-for-the-kill-test";
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final int KILLS = 2;

    /** Kept when the test fails: Ferry's logs of each start are there. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @Test
    void everythingAnsweredBeforeASigkillIsStoredOnceAndFiledOnce() throws Exception {
        try (JiraSimulator jira = JiraSimulator.start()) {
            jira.skipSpecCheck();
            // Slow enough that a kill can land between the "write attempted" mark and Jira's answer.
            jira.latency(Duration.ofMillis(10));
            int port = FerryBesideJira.freePort();
            String url = FerryBesideJira.baseUrl(port);
            FerryJar ferry = new FerryJar(Path.of(System.getProperty("ferry.jar", "target/ferry.jar")).toAbsolutePath(),
                    work, arguments(jira, port));
            SoftAssertions softly = new SoftAssertions();
            Set<String> webhooks;
            ferry.start(url, STARTUP);
            say("Ferry started in " + work);
            try {
                ProductApi api = ProductApi.newOrganization(url, OPERATOR, "Kill test");
                String destination = LinkedDestinations.create(jira, api, url, "FERRY");
                String commented = jira.admin().createIssue("OPS", "Task", "Commented on by the webhooks");
                jira.site().descriptor();
                Set<String> events;
                try (Traffic traffic = Traffic.start(api, jira, commented, 5, 3)) {
                    killTwiceMidStream(ferry, url, traffic);
                    events = traffic.acknowledgedEvents();
                    webhooks = traffic.acknowledgedWebhooks();
                }
                say("acknowledged in all: " + events.size() + " events, " + webhooks.size() + " webhooks");
                Set<String> lost = missing(api, events);
                softly.assertThat(lost).as("%d of %d events answered 202 gone after the kills", lost.size(), events.size())
                        .isEmpty();
                Set<String> kept = events.stream().filter(id -> !lost.contains(id)).collect(Collectors.toSet());
                Map<String, String> tickets = awaitDelivered(api, kept, softly);
                say("events delivered: " + tickets.size());
                softly.assertThat(Set.copyOf(tickets.values())).as("one ticket per event").hasSameSizeAs(tickets.keySet());
                Map<String, Integer> filed = ticketsPerDelivery(jira);
                softly.assertThat(filed.entrySet().stream().filter(entry -> entry.getValue() != 1).toList())
                        .as("deliveries filed more than once, of %d tickets", filed.size()).isEmpty();
                softly.assertThat(kept.stream().filter(id -> !filed.containsKey(id + ":" + destination)).toList())
                        .as("events without a ticket").isEmpty();
            } finally {
                ferry.stop();
            }
            Map<String, Integer> stored = storedWebhooks(work);
            Set<String> lost = webhooks.stream().filter(id -> !stored.containsKey(id)).collect(Collectors.toSet());
            softly.assertThat(lost).as("%d of %d webhooks answered 204 gone after the kills", lost.size(), webhooks.size())
                    .isEmpty();
            softly.assertThat(stored.values()).as("rows per webhook identifier").containsOnly(1);
            softly.assertAll();
        }
    }

    /** Each kill comes once Ferry has acknowledged a few hundred more items since it (re)started. */
    private static void killTwiceMidStream(FerryJar ferry, String url, Traffic traffic) throws InterruptedException {
        for (int kill = 1; kill <= KILLS; kill++) {
            traffic.awaitMoreAcknowledged(250, STARTUP);
            ferry.kill();
            say("SIGKILL " + kill + " after " + traffic.acknowledgedEvents().size() + " events and "
                    + traffic.acknowledgedWebhooks().size() + " webhooks acknowledged");
            ferry.start(url, STARTUP);
            say("started again");
        }
        traffic.awaitMoreAcknowledged(100, STARTUP);
    }

    /** Progress in the test's output, so a slow run shows where its time went. */
    private static void say(String line) {
        System.out.println(java.time.LocalTime.now() + " SigkillDurabilityIT: " + line);
    }

    /** No spring.datasource.url: the default from application.yml is what is tested. */
    private static List<String> arguments(JiraSimulator jira, int port) {
        return List.of("--server.address=127.0.0.1", "--server.port=" + port,
                "--ferry.base-url=" + FerryBesideJira.baseUrl(port), "--ferry.connect.install-keys-urls=" + jira.installKeysUrl(),
                "--ferry.connect.install-keys-timeout=15s", "--ferry.admin.operator-token=" + OPERATOR,
                // The outbound guard lets Ferry call Atlassian Cloud only; the simulated site is on loopback.
                "--ferry.outbound.allowed-hosts=" + URI.create(jira.baseUrl()).getAuthority(),
                "--ferry.secret-key=dGVzdC1vbmx5LWtleS0wMDAwMDAwMDAwMDAwMDAwMDA=",
                "--ferry.jira.requests-per-second=1000", "--ferry.jira.backoff-initial=50ms", "--ferry.jira.backoff-max=500ms",
                "--ferry.delivery.poll-interval=100ms", "--ferry.delivery.lease=30s",
                // Every request comes from one loopback address and one key, as fast as Ferry answers: the
                // product API's request limits would answer 429 and this test is about what is kept.
                "--ferry.admin.limits.per-key=100000/1s", "--ferry.admin.limits.per-address=100000/1s",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN");
    }

    /** The events Ferry says it does not have (404); any answer but 200 or 404 stops the test, never counts as a loss. */
    private static Set<String> missing(ProductApi api, Set<String> events) {
        return events.stream().filter(id -> {
            int status = api.get("/api/v1/events/" + id).status();
            if (status != 200 && status != 404) {
                throw new IllegalStateException("GET /api/v1/events/" + id + " answered " + status);
            }
            return status == 404;
        }).collect(Collectors.toSet());
    }

    /** Waits until every event's delivery is done; answers each event's ticket key. */
    private static Map<String, String> awaitDelivered(ProductApi api, Set<String> events, SoftAssertions softly)
            throws InterruptedException {
        Map<String, String> tickets = new HashMap<>();
        Set<String> waiting = new HashSet<>(events);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            for (String id : Set.copyOf(waiting)) {
                JsonNode event = api.get("/api/v1/events/" + id).json();
                if ("delivered".equals(event.path("outcome").asString())) {
                    tickets.put(id, event.path("deliveries").get(0).path("issueKey").asString());
                    waiting.remove(id);
                }
            }
            Thread.sleep(500);
        }
        softly.assertThat(waiting).as("events not delivered within 3 minutes").isEmpty();
        return tickets;
    }

    /** Every ticket in project FERRY by the delivery written into it ({@code ferry-delivery} property). */
    private static Map<String, Integer> ticketsPerDelivery(JiraSimulator jira) {
        Map<String, Integer> filed = new HashMap<>();
        for (int n = 1; jira.data().issueJson("FERRY-" + n, jira.baseUrl()).isPresent(); n++) {
            String marker = jira.data().issueProperty("FERRY-" + n, JiraClient.DELIVERY_PROPERTY)
                    .map(value -> value.path(JiraClient.DELIVERY_PROPERTY_PATH).asText()).orElse("(no marker)");
            filed.merge(marker, 1, Integer::sum);
        }
        return filed;
    }

    /** Read from the H2 file itself once Ferry has stopped: rows per webhook identifier. */
    private static Map<String, Integer> storedWebhooks(Path work) throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("data/ferry"));
                ResultSet stored = h2.createStatement()
                        .executeQuery("select webhook_id, count(*) from webhook_delivery group by webhook_id")) {
            while (stored.next()) {
                rows.put(stored.getString(1), stored.getInt(2));
            }
        }
        return rows;
    }
}
