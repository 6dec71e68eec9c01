package dev.ferry.persistence;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database outage (unreachable, closed, out of disk, read-only) from a failure of one statement.
 * An outage is worth a 503 and a retry later, and a worker should wait it out rather than fail its
 * items one by one; a bad statement is a bug and stays a 500.
 */
public final class DatabaseFailures {

    /**
     * H2's codes for a database that cannot be used right now: closed (after a failed write H2 closes it),
     * called at shutdown, I/O errors, a file that could not be created, a broken connection to an H2 server.
     */
    private static final Set<Integer> H2_OUTAGE_CODES = Set.of(90098, 90121, 90028, 90031, 90062, 90067);
    private static final int H2_GENERAL_ERROR = 50000;
    /** PostgreSQL: a read-only transaction (a standby, or default_transaction_read_only after a failover). */
    private static final String READ_ONLY = "25006";
    /** What Hikari's stand-in says once the pool dropped a broken connection (a rollback after the failure). */
    private static final String DROPPED = "Connection is closed";

    private DatabaseFailures() {
    }

    /** Whether anything in the cause chain says the database itself is unavailable. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof SQLException sql && isOutage(sql)
                    || cause instanceof TransactionSystemException rollback && rollbackAfterOutage(rollback)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A rollback that failed after the work itself failed: once the pool has dropped a broken connection,
     * its rollback only says "Connection is closed"; the work's own failure says why.
     */
    private static boolean rollbackAfterOutage(TransactionSystemException rollback) {
        Throwable work = rollback.getApplicationException();
        return work != null && work != rollback && isOutage(work);
    }

    /** The same judgement for one driver exception (as the connection pool sees it). */
    static boolean isOutage(SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        return sql instanceof SQLTransientConnectionException
                || sql instanceof SQLNonTransientConnectionException
                || sql instanceof SQLRecoverableException
                || state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources: disk full, out of memory, too many connections
                || state.startsWith("57P") // the server is shutting down or starting
                || state.equals(READ_ONLY)
                || state.isEmpty() && DROPPED.equals(sql.getMessage())
                || H2_OUTAGE_CODES.contains(sql.getErrorCode())
                || sql.getErrorCode() == H2_GENERAL_ERROR && causedByIo(sql);
    }

    /** H2 reports a failed write of its store (say, a full disk) as a general error caused by an IOException. */
    private static boolean causedByIo(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** One line for the log: the innermost cause, which names what the database said. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + ": " + message;
    }
}
