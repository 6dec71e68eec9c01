package dev.ferry.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code db} health, part of readiness: UP only while the database commits a write. Spring Boot's own
 * check asks the driver whether the connection is valid, which H2 answers yes for a database it has
 * closed after a failed write, and which a read-only database passes too; either way Ferry could not
 * store an event or a webhook, so it must not be sent any.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);
    private static final int PROBE_TIMEOUT_SECONDS = 5;
    private static final String UPDATE = "update database_probe set probed_at = ? where id = 1";
    private static final String INSERT = "insert into database_probe (probed_at, id) values (?, 1)";
    /** SQL's unique violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Optional<BrokenConnections> pool;
    private final Duration outageHold;
    private final ThrottledLog failures = new ThrottledLog(log);

    DatabaseHealth(DataSource dataSource, Clock clock, DatabaseProperties properties) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.pool = brokenConnections(dataSource);
        this.outageHold = properties.outageHold();
    }

    @Override
    public Health health() {
        if (pool.isPresent() && pool.get().outageWithin(outageHold)) {
            // The probe's one-row update may fit where an event did not (a nearly full disk): a recent
            // failure of real work counts until it is outageHold old.
            return Health.down().withDetail("error", "unavailable").build();
        }
        try {
            probe(Timestamp.from(clock.instant()));
            failures.reset();
            return Health.up().build();
        } catch (RuntimeException failure) {
            failures.warn("the database does not take writes; health is DOWN", failure);
            // No driver message in the answer: it may name hosts, files and users.
            return Health.down().withDetail("error", DatabaseFailures.isOutage(failure) ? "unavailable" : "failing")
                    .build();
        }
    }

    private static Optional<BrokenConnections> brokenConnections(DataSource dataSource) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)
                    && dataSource.unwrap(HikariDataSource.class).getExceptionOverride() instanceof BrokenConnections seen) {
                return Optional.of(seen);
            }
        } catch (SQLException notAPool) {
            // not a Hikari pool: the probe alone decides
        }
        return Optional.empty();
    }

    /**
     * One row written, each statement given {@value #PROBE_TIMEOUT_SECONDS} s. H2 keeps a statement's query timeout on
     * its session, that is on the pooled connection for every later statement (a long prune then failed after 5 s):
     * the probe sets it back before the connection returns to the pool.
     */
    private void probe(Timestamp now) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try {
                if (write(connection, UPDATE, now) == 0) {
                    insertUnlessRaced(connection, now);
                }
            } finally {
                try (Statement reset = connection.createStatement()) {
                    reset.setQueryTimeout(0);
                }
            }
            return null;
        });
    }

    private static void insertUnlessRaced(Connection connection, Timestamp now) throws SQLException {
        try {
            write(connection, INSERT, now);
        } catch (SQLException raced) {
            if (!UNIQUE_VIOLATION.equals(raced.getSQLState())) {
                throw raced;
            }
            // written at the same moment by another node: the database takes writes
        }
    }

    private static int write(Connection connection, String sql, Timestamp now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
            statement.setTimestamp(1, now);
            return statement.executeUpdate();
        }
    }
}
