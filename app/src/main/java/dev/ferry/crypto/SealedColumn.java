package dev.ferry.crypto;

/**
 * A column of sealed values as stored: {@code <column>_key_id} and {@code <column>_ciphertext} of a table, each
 * value bound to the context {@code <table>.<column>:<row key>} (the owners' {@code context(…)} methods).
 *
 * @param table     the table
 * @param column    the stem of the two columns
 * @param rowKey    the primary key column whose value the context names
 * @param versioned the table has an optimistic-lock {@code version}: re-sealing a row bumps it, so a writer holding
 *                  the row as read before cannot put the old value back
 */
public record SealedColumn(String table, String column, String rowKey, boolean versioned) {

    public String keyIdColumn() {
        return column + "_key_id";
    }

    public String ciphertextColumn() {
        return column + "_ciphertext";
    }

    public String context(String rowKeyValue) {
        return table + "." + column + ":" + rowKeyValue;
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
