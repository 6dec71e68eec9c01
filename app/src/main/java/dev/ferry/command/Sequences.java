package dev.ferry.command;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Moves identity columns' sequences past the ids the copy inserted: rows copied with their ids leave a sequence
 * at its start, and the target's next insert would take an id already there.
 */
final class Sequences {

    private Sequences() {
    }

    static void moveIdentitiesPastCopiedRows(Connection connection, List<String> tables) throws SQLException {
        boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        for (String table : tables) {
            for (String column : Tables.identities(connection, table)) {
                long next = next(connection, table, column);
                try (Statement move = connection.createStatement()) {
                    if (postgres) {
                        move.execute("select setval(pg_get_serial_sequence('" + table + "', '" + column + "'), " + next
                                + ", false)");
                    } else {
                        move.execute("alter table " + table + " alter column " + column + " restart with " + next);
                    }
                }
            }
        }
    }

    private static long next(Connection connection, String table, String column) throws SQLException {
        try (Statement max = connection.createStatement();
                ResultSet result = max.executeQuery("select coalesce(max(" + column + "), 0) + 1 from " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
