package dev.ferry.command;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ferry's tables as a database's metadata describes them, in lower case (H2 keeps unquoted names in upper case,
 * PostgreSQL in lower; Ferry's SQL uses them unquoted, so either works in a statement).
 */
final class Tables {

    private Tables() {
    }

    /** Every table of the connection's current schema, Flyway's history among them. */
    static List<String> names(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet result = connection.getMetaData().getTables(connection.getCatalog(), schema(connection), "%",
                new String[] {"TABLE"})) {
            while (result.next()) {
                tables.add(result.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    /**
     * Ferry's tables (not Flyway's history), each after every table it references, so rows inserted in this order
     * never name a parent not yet there. Sorted by name within a level, so the order is the same every time.
     */
    static List<String> parentsFirst(Connection connection) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String table : names(connection).stream().filter(name -> !DatabaseCopy.isHistory(name)).sorted().toList()) {
            Set<String> referenced = new LinkedHashSet<>();
            try (ResultSet keys = metadata.getImportedKeys(connection.getCatalog(), schema(connection), stored(metadata, table))) {
                while (keys.next()) {
                    String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table)) {
                        referenced.add(parent);
                    }
                }
            }
            parents.put(table, referenced);
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < parents.size()) {
            List<String> ready = parents.entrySet().stream()
                    .filter(entry -> !ordered.contains(entry.getKey()) && ordered.containsAll(entry.getValue()))
                    .map(Map.Entry::getKey).toList();
            if (ready.isEmpty()) {
                throw new CommandFailure("the tables' foreign keys form a cycle; cannot order the copy");
            }
            ordered.addAll(ready);
        }
        return ordered;
    }

    /** A table's columns in their declared order. */
    static List<String> columns(Connection connection, String table) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        List<String> columns = new ArrayList<>();
        try (ResultSet result = metadata.getColumns(connection.getCatalog(), schema(connection), pattern(metadata, table), "%")) {
            while (result.next()) {
                columns.add(result.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    /** Identity (auto-increment) columns of a table. */
    static List<String> identities(Connection connection, String table) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        List<String> columns = new ArrayList<>();
        try (ResultSet result = metadata.getColumns(connection.getCatalog(), schema(connection), pattern(metadata, table), "%")) {
            while (result.next()) {
                if ("YES".equals(result.getString("IS_AUTOINCREMENT"))) {
                    columns.add(result.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    /** The exact name as a metadata pattern, in which {@code _} alone would match any character. */
    private static String pattern(DatabaseMetaData metadata, String name) throws SQLException {
        String escape = metadata.getSearchStringEscape();
        return stored(metadata, name).replace("_", escape + "_");
    }

    private static String schema(Connection connection) throws SQLException {
        return connection.getSchema();
    }

    /** The name as the database stores an unquoted one, which metadata look-ups match exactly. */
    private static String stored(DatabaseMetaData metadata, String name) throws SQLException {
        return metadata.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
    }
}
