package dev.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * PostgreSQL turns read-only under a running Ferry (a standby, or a primary demoted by a failover): it
 * still answers reads, and every write fails. Ferry says it is not ready, answers 503, and its workers
 * wait instead of logging every poll; once writes are taken again, so are events. The database is one
 * of the test's own, made read-only for new sessions with {@code ALTER DATABASE}, so nothing else on the
 * server is touched. Only on PostgreSQL runs.
 */
@FerryIntegrationTest
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "ferry.webhooks.worker-enabled=true", "ferry.webhooks.poll-interval=50ms",
        "ferry.delivery.worker-enabled=true", "ferry.delivery.poll-interval=50ms",
        "spring.session.jdbc.cleanup-cron=-"})
class ReadOnlyDatabaseTest {

    static final String SUITE = System.getProperty("spring.datasource.url", "");
    static final String DATABASE = "ferry_read_only_" + System.getProperty("spring.flyway.schemas", "test").toLowerCase();

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;

    @BeforeAll
    static void createTheDatabase() throws SQLException {
        assumeTrue(SUITE.startsWith("jdbc:postgresql:"), "read-only sessions are a PostgreSQL matter");
        admin("drop database if exists " + DATABASE + " with (force)");
        admin("create database " + DATABASE);
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SUITE.replaceFirst("/[^/?]+\\?", "/" + DATABASE + "?"));
    }

    @AfterAll
    static void dropTheDatabase() throws SQLException {
        if (SUITE.startsWith("jdbc:postgresql:")) {
            admin("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @Test
    void aReadOnlyDatabaseMakesFerryUnreadyAnswered503AndItsWorkersQuietUntilWritesAreTakenAgain(
            CapturedOutput output) throws Exception {
        Http http = new Http(port);
        var acme = organizations.create("Acme");
        int before = output.getOut().length();

        readOnly(true);
        var refused = http.post("/api/v1/events", DatabaseOutageTest.event("ro-1"), acme.auth());
        var readiness = http.get("/readyz");
        Thread.sleep(4_000);
        String during = output.getOut().substring(before);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).doesNotContain("read-only transaction");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(DatabaseOutageTest.count(during, "delivery worker paused")).isLessThanOrEqualTo(1);
        assertThat(DatabaseOutageTest.count(during, "inbox worker paused")).isLessThanOrEqualTo(1);
        assertThat(during).doesNotContain("could not claim work")
                .doesNotContain("Unexpected error occurred in scheduled task");

        readOnly(false);
        await(() -> http.get("/readyz").statusCode() == 200);
        assertThat(http.post("/api/v1/events", DatabaseOutageTest.event("ro-2"), acme.auth()).statusCode()).isEqualTo(202);
    }

    /** New sessions of the test's database get the setting; the pool's current ones are ended. */
    private static void readOnly(boolean on) throws SQLException {
        admin("alter database " + DATABASE + (on ? " set default_transaction_read_only = on"
                : " reset default_transaction_read_only"));
        admin("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + DATABASE + "'");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SUITE); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Workers and the pool may take a few seconds to find the writable sessions. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
    }
}
