package dev.ferry.persistence;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Tells the pool to drop a connection that failed because the database is out. Hikari only drops
 * connections on connection-class SQL states; H2 closes its database after a failed write (a full
 * disk) and answers "database closed" (90098) on every connection to it, while its {@code isValid}
 * still says true: kept, those connections would fail every call until a restart. Dropped, the next
 * connection opens the database again, and it works as soon as there is room. It remembers when it last
 * saw an outage, for {@link DatabaseHealth}.
 */
final class BrokenConnections implements SQLExceptionOverride {

    /** {@link System#nanoTime()} of the last outage seen, or null before the first. */
    private volatile Long lastOutage;

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        if (!DatabaseFailures.isOutage(failure)) {
            return Override.CONTINUE_EVICT;
        }
        lastOutage = System.nanoTime();
        return Override.MUST_EVICT;
    }

    /** Whether a statement on this pool failed because the database was out within the last {@code period}. */
    boolean outageWithin(Duration period) {
        Long seen = lastOutage;
        return seen != null && System.nanoTime() - seen < period.toNanos();
    }
}
