package dev.ferry.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals every value of every {@link SealedColumns sealed column} that an older key sealed again with the current
 * key, so a retired key can leave the keyring.
 *
 * <p>In batches along the row key (a batch is read, re-sealed in memory, then written in one short transaction), so
 * a run over many rows never holds a long transaction. Each row is written only if it still holds the value that was
 * read (compare-and-set on key id and ciphertext): a secret changed meanwhile (a token refresh, a re-install) is
 * left as its writer put it, which is the current key anyway. So a run may stop anywhere and start again, and two
 * runs at once only waste work; a value already on the current key is never read. A value that does not open (its
 * key is missing from the keyring, or it was tampered with) is counted and skipped, never written.
 */
public class SecretReencryption {

    private static final Logger log = LoggerFactory.getLogger(SecretReencryption.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SecretCipher cipher;
    private final List<SealedColumn> columns;
    private final int batchSize;

    SecretReencryption(JdbcClient jdbc, TransactionTemplate transaction, SecretCipher cipher, List<SealedColumn> columns,
            int batchSize) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.cipher = cipher;
        this.columns = columns;
        this.batchSize = batchSize;
    }

    /** Moves every value to the current key, a batch of rows at a time; what it did, per key. */
    public Report run() {
        String current = cipher.currentKeyId();
        var moved = new TreeMap<String, Long>();
        var unreadable = new TreeMap<String, Long>();
        for (SealedColumn column : columns) {
            String after = "";
            List<Row> batch;
            do {
                batch = olderThanCurrent(column, current, after);
                reseal(column, batch, moved, unreadable);
                after = batch.isEmpty() ? after : batch.get(batch.size() - 1).key();
            } while (batch.size() == batchSize);
        }
        Report report = new Report(current, moved, unreadable, remaining(current));
        if (!moved.isEmpty() || !report.remaining().isEmpty()) {
            log.info("Secret re-encryption: {}", report.summary());
        }
        return report;
    }

    private List<Row> olderThanCurrent(SealedColumn column, String current, String after) {
        return jdbc.sql("select " + column.rowKey() + ", " + column.keyIdColumn() + ", " + column.ciphertextColumn()
                        + " from " + column.table() + " where " + column.keyIdColumn() + " <> ? and " + column.rowKey()
                        + " > ? order by " + column.rowKey() + " fetch first " + batchSize + " rows only")
                .param(current).param(after)
                .query((rs, n) -> new Row(rs.getString(1), new Sealed(rs.getString(2), rs.getString(3)))).list();
    }

    private void reseal(SealedColumn column, List<Row> batch, Map<String, Long> moved, Map<String, Long> unreadable) {
        List<Row> resealed = new ArrayList<>();
        List<Row> read = new ArrayList<>();
        for (Row row : batch) {
            String context = column.context(row.key());
            try {
                resealed.add(new Row(row.key(), cipher.seal(cipher.open(row.sealed(), context), context)));
                read.add(row);
            } catch (IllegalStateException notOpened) {
                // The key id only: never the value, nor the message of a failed decryption.
                log.warn("Secret re-encryption: {} of row {} sealed with key {} does not open; left as it is",
                        column, row.key(), row.sealed().keyId());
                unreadable.merge(row.sealed().keyId(), 1L, Long::sum);
            }
        }
        if (resealed.isEmpty()) {
            return;
        }
        String update = "update " + column.table() + " set " + column.keyIdColumn() + " = ?, " + column.ciphertextColumn()
                + " = ?" + (column.versioned() ? ", version = version + 1" : "") + " where " + column.rowKey() + " = ? and "
                + column.keyIdColumn() + " = ? and " + column.ciphertextColumn() + " = ?";
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < resealed.size(); i++) {
                Row was = read.get(i);
                Sealed now = resealed.get(i).sealed();
                int written = jdbc.sql(update).param(now.keyId()).param(now.ciphertext()).param(was.key())
                        .param(was.sealed().keyId()).param(was.sealed().ciphertext()).update();
                if (written == 1) {
                    moved.merge(was.sealed().keyId(), 1L, Long::sum);
                }
            }
        });
    }

    private Map<String, Long> remaining(String current) {
        var remaining = new TreeMap<String, Long>();
        for (SealedColumn column : columns) {
            jdbc.sql("select " + column.keyIdColumn() + ", count(*) from " + column.table() + " where "
                            + column.keyIdColumn() + " <> ? group by " + column.keyIdColumn())
                    .param(current).query((rs, n) -> remaining.merge(rs.getString(1), rs.getLong(2), Long::sum)).list();
        }
        return remaining;
    }

    private record Row(String key, Sealed sealed) {
    }

    /**
     * What a run did.
     *
     * @param currentKeyId the key every value was moved to
     * @param moved        values re-sealed, by the id of the key that had sealed them
     * @param unreadable   values that did not open, by key id (left as they were)
     * @param remaining    values still sealed with another key after the run, by key id: a key may leave the keyring
     *                     once it is not here
     */
    public record Report(String currentKeyId, Map<String, Long> moved, Map<String, Long> unreadable,
            Map<String, Long> remaining) {

        public long movedTotal() {
            return moved.values().stream().mapToLong(Long::longValue).sum();
        }

        public String summary() {
            StringBuilder text = new StringBuilder("current key " + currentKeyId + "; moved "
                    + (moved.isEmpty() ? "nothing" : ""));
            moved.forEach((key, count) -> text.append(count).append(" from key ").append(key).append(", "));
            if (!moved.isEmpty()) {
                text.setLength(text.length() - 2);
            }
            if (!unreadable.isEmpty()) {
                text.append("; did not open (left as they are): ").append(unreadable);
            }
            text.append(remaining.isEmpty() ? "; no value is sealed with another key: retired keys may be dropped"
                    : "; still sealed with other keys: " + remaining + " (keep those keys)");
            return text.toString();
        }
    }
}
