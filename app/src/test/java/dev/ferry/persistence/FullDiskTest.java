package dev.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ferry.support.Eventually;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Ferry on an embedded H2 file database (durable commits, {@code WRITE_DELAY=0}) on a small filesystem
 * that fills up: no event is acknowledged unless stored, refusals are 503, Ferry says it is not ready,
 * and it takes events again without a restart once there is room. The filesystem is a tmpfs mounted
 * for the test (the suite runs as root); on PostgreSQL runs there is nothing of H2 to test.
 */
@FerryIntegrationTest
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FullDiskTest {

    static final Path DISK = Path.of("target", "full-disk").toAbsolutePath();
    static final Path DATABASE = DISK.resolve("db");
    static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    Organizations organizations;

    @BeforeAll
    static void mountASmallDisk() throws Exception {
        assumeTrue(!System.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:"),
                "the full-disk test is about the embedded H2 database; this run is on PostgreSQL");
        Files.createDirectories(DISK);
        String mounted = run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", DISK.toString());
        assumeTrue(mounted.isEmpty(), "cannot mount a tmpfs at " + DISK + " (needs root): " + mounted);
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATABASE.resolve("ferry") + ";WRITE_DELAY=0");
        // Health stays DOWN this long after an event failed for want of room; short, so recovery shows soon.
        registry.add("ferry.database.outage-hold", () -> "2s");
    }

    /** Lazily: the application context, closed after this, still has the database open. */
    @AfterAll
    static void unmount() throws Exception {
        run("umount", "-l", DISK.toString());
    }

    @Test
    @Order(1)
    void theDatabaseDirectoryAndFilesAreTheOwnersAlone() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATABASE))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(DATABASE)) {
            List<Path> all = files.toList();
            assertThat(all).anyMatch(file -> file.getFileName().toString().equals("ferry.mv.db"));
            for (Path file : all) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                        .isEqualTo("rw-------");
            }
        }
    }

    @Test
    @Order(2)
    void onAFullDiskNothingIsAcknowledgedUnlessStoredAndFerryTakesEventsAgainWhenThereIsRoom() throws Exception {
        Http http = new Http(port);
        var acme = organizations.create("Acme");
        var store = Files.getFileStore(DISK);
        long usedKb = (store.getTotalSpace() - store.getUnallocatedSpace()) / 1024;
        run("mount", "-o", "remount,size=" + (usedKb + 512) + "k", DISK.toString());

        List<String> acknowledged = new ArrayList<>();
        List<HttpResponse<String>> refused = new ArrayList<>();
        for (int i = 0; i < 400 && refused.size() < 5; i++) {
            var answer = http.post("/api/v1/events", bigEvent("exp-" + i), acme.auth());
            if (answer.statusCode() == 202) {
                assertThat(refused).as("an event acknowledged after the disk filled up").isEmpty();
                acknowledged.add(id(answer.body()));
            } else {
                refused.add(answer);
            }
        }

        assertThat(acknowledged).as("events stored before the disk filled up; refused: %s",
                refused.stream().map(HttpResponse::body).toList()).isNotEmpty();
        assertThat(refused).as("events refused once the disk was full").hasSize(5);
        for (var answer : refused) {
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            assertThat(answer.body()).doesNotContain(DISK.toString()).doesNotContainIgnoringCase("mvstore");
        }
        assertThat(http.get("/readyz").statusCode()).isEqualTo(503);
        assertThat(new Http(managementPort).get("/actuator/health").statusCode()).isEqualTo(503);

        run("mount", "-o", "remount,size=64m", DISK.toString());

        Eventually.await(() -> http.get("/readyz").statusCode() == 200);
        assertThat(http.get("/readyz").body()).contains("\"status\":\"UP\"");
        assertThat(new Http(managementPort).get("/actuator/health").statusCode()).isEqualTo(200);
        for (String id : acknowledged) {
            assertThat(http.get("/api/v1/events/" + id, acme.auth()).statusCode()).as("event " + id).isEqualTo(200);
        }
        assertThat(http.post("/api/v1/events", bigEvent("after"), acme.auth()).statusCode()).isEqualTo(202);
    }

    /** About 50 KB of variables that do not compress. */
    private static String bigEvent(String experimentId) {
        String variables = IntStream.range(0, 10)
                .mapToObj(i -> "\"v" + i + "\":\"" + HexFormat.of().formatHex(randomBytes(2_500)) + "\"")
                .collect(Collectors.joining(","));
        return """
                {"type":"experiment.guardrail_breached",
                 "subject":{"type":"experiment","id":"%s","title":"Checkout","url":"https://exp.example/%s"},
                 "variables":{"experimentName":"Checkout","guardrailMetric":"Error rate","observedValue":0.052,
                   "thresholdValue":0.03,"breachDirection":"above","detectedAt":"2026-11-25T10:00:00Z",%s}}"""
                .formatted(experimentId, experimentId, variables);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String id(String receipt) {
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(receipt);
        assertThat(id.find()).as(receipt).isTrue();
        return id.group(1);
    }

    /** Runs a command; its output when it failed, else nothing. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        return process.waitFor() == 0 ? "" : "exit " + process.exitValue() + ": " + output.trim();
    }
}
