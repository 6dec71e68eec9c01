package dev.ferry.command;

import dev.ferry.crypto.SealedColumn;
import dev.ferry.crypto.SealedColumns;
import java.io.PrintStream;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Copies every row of one Ferry database into another that holds nothing yet, typically the single node's H2 file
 * into the PostgreSQL that several nodes will share.
 *
 * <p>The schema is Flyway's on both sides (the source is brought to this version first, exactly as starting Ferry
 * on it would), so both have the same tables and columns. Tables go parents first along their foreign keys, each
 * read once and written in JDBC batches, all inside one transaction of the target: a copy that fails leaves the
 * target's tables empty. Sealed secrets are copied as stored — key id and ciphertext, never opened — so the target
 * needs the key that sealed them ({@code FERRY_SECRET_KEY}), which the summary names by key id. Identity columns'
 * sequences are moved past the copied ids, so the next row the target inserts does not collide.
 */
final class DatabaseCopy {

    private static final String HISTORY = "flyway_schema_history";

    private final DataSource source;
    private final DataSource target;
    private final int batchSize;
    private final PrintStream out;

    DatabaseCopy(DataSource source, DataSource target, int batchSize, PrintStream out) {
        this.source = source;
        this.target = target;
        this.batchSize = batchSize;
        this.out = out;
    }

    /** The rows copied, per table, in the order they were copied. */
    Map<String, Long> run() throws SQLException {
        refuseUnlessEmpty();
        migrate("source", source);
        migrate("target", target);
        try (Connection from = source.getConnection(); Connection to = target.getConnection()) {
            from.setReadOnly(true);
            to.setAutoCommit(false);
            List<String> tables = Tables.parentsFirst(to);
            // The migrations seed a few rows (a probe row, a position counter); the source's own copies replace them.
            List<String> childrenFirst = new ArrayList<>(tables);
            java.util.Collections.reverse(childrenFirst);
            for (String table : childrenFirst) {
                try (Statement delete = to.createStatement()) {
                    delete.executeUpdate("delete from " + table);
                }
            }
            Map<String, Long> copied = new LinkedHashMap<>();
            for (String table : tables) {
                copied.put(table, copy(table, from, to));
            }
            Sequences.moveIdentitiesPastCopiedRows(to, tables);
            to.commit();
            print(copied, sealedKeys(to));
            return copied;
        }
    }

    private void refuseUnlessEmpty() throws SQLException {
        try (Connection to = target.getConnection()) {
            String schema = to.getSchema();
            if (schema == null) {
                throw new CommandFailure("the target has no current schema: create it first (PostgreSQL: create schema "
                        + "ferry; and name it in the URL, ?currentSchema=ferry)");
            }
            List<String> tables = Tables.names(to);
            if (!tables.isEmpty()) {
                throw new CommandFailure("the target schema " + schema + " is not empty (it holds " + tables.size()
                        + " tables: " + String.join(", ", tables.subList(0, Math.min(5, tables.size())))
                        + (tables.size() > 5 ? ", …" : "") + "); copy-database only fills an empty schema, so it never "
                        + "mixes two databases: drop and re-create the schema, or name another one");
            }
        }
    }

    private void migrate(String side, DataSource dataSource) {
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
        var result = flyway.migrate();
        out.println(side + ": schema at version " + flyway.info().current().getVersion()
                + (result.migrationsExecuted > 0 ? " (" + result.migrationsExecuted + " migrations applied now)" : ""));
    }

    private long copy(String table, Connection from, Connection to) throws SQLException {
        List<String> columns = Tables.columns(to, table);
        List<String> sourceColumns = Tables.columns(from, table);
        if (!sourceColumns.containsAll(columns)) {
            throw new CommandFailure("source table " + table + " lacks columns the target has: "
                    + columns.stream().filter(column -> !sourceColumns.contains(column)).toList());
        }
        String list = String.join(", ", columns);
        String insert = "insert into " + table + " (" + list + ") values (" + "?, ".repeat(columns.size() - 1) + "?)";
        long rows = 0;
        try (Statement read = from.createStatement(); PreparedStatement write = to.prepareStatement(insert)) {
            read.setFetchSize(batchSize);
            try (ResultSet result = read.executeQuery("select " + list + " from " + table)) {
                int[] types = new int[columns.size()];
                for (int i = 0; i < types.length; i++) {
                    types[i] = result.getMetaData().getColumnType(i + 1);
                }
                while (result.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        Object value = plain(result.getObject(i));
                        if (value == null) {
                            write.setNull(i, types[i - 1]);
                        } else {
                            write.setObject(i, value);
                        }
                    }
                    write.addBatch();
                    if (++rows % batchSize == 0) {
                        write.executeBatch();
                    }
                }
                if (rows % batchSize != 0) {
                    write.executeBatch();
                }
            }
        }
        return rows;
    }

    /** Large values as plain strings and bytes: a driver may store a Clob or Blob it is handed as a large object. */
    private static Object plain(Object value) throws SQLException {
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        return value;
    }

    private static Map<String, Long> sealedKeys(Connection to) throws SQLException {
        Map<String, Long> byKey = new TreeMap<>();
        for (SealedColumn column : SealedColumns.ALL) {
            try (Statement count = to.createStatement(); ResultSet result = count.executeQuery("select "
                    + column.keyIdColumn() + ", count(*) from " + column.table() + " where " + column.keyIdColumn()
                    + " is not null group by " + column.keyIdColumn())) {
                while (result.next()) {
                    byKey.merge(result.getString(1), result.getLong(2), Long::sum);
                }
            }
        }
        return byKey;
    }

    private void print(Map<String, Long> copied, Map<String, Long> sealedKeys) {
        int width = copied.keySet().stream().mapToInt(String::length).max().orElse(10);
        copied.forEach((table, rows) -> out.printf(Locale.ROOT, "  %-" + width + "s %,d rows%n", table, rows));
        out.printf(Locale.ROOT, "copied %,d rows in %d tables%n", copied.values().stream().mapToLong(Long::longValue).sum(),
                copied.size());
        if (!sealedKeys.isEmpty()) {
            out.println("sealed secrets were copied as they are, by key id: " + sealedKeys + ". Start Ferry on the target "
                    + "with FERRY_SECRET_KEY set to the key that sealed them (the H2 node's ferry.secret-key, or the "
                    + "content of its key file, default ./data/secret.key).");
        }
    }

    static boolean isHistory(String table) {
        return table.equals(HISTORY);
    }
}
