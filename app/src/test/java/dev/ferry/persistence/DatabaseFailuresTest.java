package dev.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

/** Which database failures are outages (503, wait and retry) and which are Ferry's own bugs. */
class DatabaseFailuresTest {

    @Test
    void h2ClosedAfterAFailedWriteIsAnOutage() {
        assertThat(DatabaseFailures.isOutage(wrapped(new SQLException("The database has been closed", "90098", 90098))))
                .isTrue();
    }

    @Test
    void h2FailingToWriteItsStoreIsAnOutage() {
        SQLException full = new SQLException("General error: MVStoreException: Writing to file failed", "HY000", 50000,
                new RuntimeException("Writing failed", new IOException("No space left on device")));

        assertThat(DatabaseFailures.isOutage(wrapped(full))).isTrue();
        assertThat(DatabaseFailures.describe(wrapped(full))).isEqualTo("IOException: No space left on device");
    }

    @Test
    void aReadOnlyPostgresqlIsAnOutage() {
        assertThat(DatabaseFailures.isOutage(wrapped(
                new SQLException("ERROR: cannot execute UPDATE in a read-only transaction", "25006")))).isTrue();
    }

    @Test
    void aRefusedConnectionIsAnOutage() {
        assertThat(DatabaseFailures.isOutage(wrapped(new SQLException("Connection refused", "08001")))).isTrue();
    }

    @Test
    void aRollbackThatFailedAfterAnOutageIsAnOutage() {
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("rollback failed"));
        rollback.initApplicationException(wrapped(new SQLException("Connection is broken", "90067", 90067)));

        assertThat(DatabaseFailures.isOutage(rollback)).isTrue();
    }

    @Test
    void aRollbackOnAConnectionThePoolDroppedIsAnOutage() {
        assertThat(DatabaseFailures.isOutage(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void aBadStatementOrADuplicateIsNoOutage() {
        assertThat(DatabaseFailures.isOutage(new BadSqlGrammarException("select", "selec 1",
                new SQLException("syntax error", "42601")))).isFalse();
        assertThat(DatabaseFailures.isOutage(new DuplicateKeyException("duplicate"))).isFalse();
        assertThat(DatabaseFailures.isOutage(new SQLException("General error", "HY000", 50000))).isFalse();
    }

    private static UncategorizedSQLException wrapped(SQLException sql) {
        return new UncategorizedSQLException("statement", "update x", sql);
    }
}
