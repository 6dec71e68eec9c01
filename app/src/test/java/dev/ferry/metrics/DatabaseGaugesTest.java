package dev.ferry.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ingest lag gauges follow the checkpoints there are, per connection and stream, over a real scrape. */
@FerryIntegrationTest
class DatabaseGaugesTest {

    static final String LAG = "ferry_ingest_lag_seconds";

    @LocalManagementPort
    int managementPort;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Organizations organizations;

    @Test
    void eachRunningCheckpointShowsHowFarBehindNowItIsAndAPausedOneDoesNot() {
        var checkpoints = new IngestCheckpoints(jdbc, organizations.create("Acme").id());
        Instant now = Instant.now();
        checkpoints.activity("conn-a", "issues", now.minusSeconds(600), false);
        checkpoints.activity("conn-paused", "issues", now.minusSeconds(6_000), true);
        checkpoints.audit("conn-a", now.minusSeconds(120));

        Scrape.of(managementPort); // a new reading registers the series it found; the next scrape shows them
        Scrape scrape = Scrape.of(managementPort);

        assertThat(scrape.value(LAG, "source", "activity", "connection", "conn-a", "stream", "issues"))
                .isCloseTo(600, within(30.0));
        assertThat(scrape.value(LAG, "source", "audit", "connection", "conn-a", "stream", "audit_records"))
                .isCloseTo(120, within(30.0));
        assertThat(scrape.valueOrZero(LAG, "connection", "conn-paused")).as("paused on purpose").isZero();

        jdbc.sql("delete from ingest_checkpoint").update();
        Scrape.of(managementPort);
        assertThat(Scrape.of(managementPort).valueOrZero(LAG, "source", "activity")).as("a removed checkpoint's series ends")
                .isZero();
    }
}
