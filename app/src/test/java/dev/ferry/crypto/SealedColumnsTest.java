package dev.ferry.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every sealed column of the migrated schema is one re-encryption moves: a migration that adds a
 * {@code *_ciphertext} column fails here until the column is in {@link SealedColumns#ALL}.
 */
@FerryIntegrationTest
class SealedColumnsTest {

    @Autowired
    DataSource dataSource;

    @Test
    void everyCiphertextColumnOfTheSchemaIsRegisteredWithItsKeyIdColumn() throws Exception {
        Set<String> ciphertexts = new TreeSet<>();
        Set<String> keyIds = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet columns = connection.getMetaData().getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
            while (columns.next()) {
                String table = columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                String column = columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                if (column.endsWith("_ciphertext")) {
                    ciphertexts.add(table + "." + column);
                } else if (column.endsWith("_key_id")) {
                    keyIds.add(table + "." + column);
                }
            }
        }
        Set<String> registered = new TreeSet<>();
        Set<String> registeredKeyIds = new TreeSet<>();
        SealedColumns.ALL.forEach(sealed -> {
            registered.add(sealed.table() + "." + sealed.ciphertextColumn());
            registeredKeyIds.add(sealed.table() + "." + sealed.keyIdColumn());
        });

        assertThat(ciphertexts).as("the schema's sealed columns").hasSizeGreaterThanOrEqualTo(8);
        assertThat(registered).as("SealedColumns.ALL against the schema's *_ciphertext columns").isEqualTo(ciphertexts);
        assertThat(keyIds).as("each registered column's key id column exists").containsAll(registeredKeyIds);
    }
}
