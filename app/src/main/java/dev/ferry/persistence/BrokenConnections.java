package dev.ferry.persistence;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the pool to drop a connection that failed because the database is out. Hikari only drops
 * connections on connection-class SQL states; H2 closes its database after a failed write (a full
 * disk) and answers "database closed" (90098) on every connection to it, while its {@code isValid}
 * still says true: kept, those connections would fail every call until a restart. Dropped, the next
 * connection opens the database again, and it works as soon as there is room.
 */
final class BrokenConnections implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        return DatabaseFailures.isOutage(failure) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
