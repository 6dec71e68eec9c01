package dev.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The health probe's statement timeout must not stay behind on the pooled connection: H2 keeps a statement's query
 * timeout on its session, and a prune later run on that connection failed after the probe's 5 s.
 */
class DatabaseHealthTimeoutTest {

    @Test
    void theProbeLeavesTheConnectionWithoutATimeout() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:health-timeout")) {
            try (Statement create = connection.createStatement()) {
                create.execute("create table database_probe (id int primary key, probed_at timestamp)");
            }
            DatabaseHealth health = new DatabaseHealth(new SingleConnectionDataSource(connection, true),
                    Clock.systemUTC(), new DatabaseProperties(Duration.ofSeconds(10)));

            assertThat(health.health().getStatus()).as("the first probe inserts").isEqualTo(Status.UP);
            assertThat(health.health().getStatus()).as("the next updates").isEqualTo(Status.UP);

            try (Statement later = connection.createStatement()) {
                assertThat(later.getQueryTimeout()).as("a later statement on the same connection").isZero();
            }
        }
    }
}
