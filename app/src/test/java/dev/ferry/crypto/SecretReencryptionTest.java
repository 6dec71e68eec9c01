package dev.ferry.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Installs;
import dev.ferry.support.Organizations;
import dev.ferry.support.Tokens;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A key rotation: secrets sealed through Ferry's own flows with the suite's key, which then becomes a retired key of
 * a keyring whose current key is new; the re-encryption moves every value, and the new key alone opens them.
 */
@FerryIntegrationTest
class SecretReencryptionTest {

    static final String SUITE_KEY = "dGVzdC1vbmx5LWtleS0wMDAwMDAwMDAwMDAwMDAwMDA=";
    static final String SECRET = "shared-secret-that-must-survive-a-rotation-0123456789";

    @LocalServerPort
    int port;
    @Autowired
    Tokens tokens;
    @Autowired
    Organizations organizations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    final DataKey suiteKey = DataKey.fromBase64(SUITE_KEY);
    final DataKey newKey = DataKey.fromBase64(SecretCipherTest.NEW_KEY);
    final SecretCipher newKeyOnly = new SecretCipher(new Keyring(newKey, List.of()));
    SecretReencryption rotated;

    @BeforeEach
    void sealThroughFerry() {
        for (String site : List.of("rotate-a", "rotate-b", "rotate-c")) {
            var installed = new Http(port).postJwt("/lifecycle/installed", tokens.install(site, "/lifecycle/installed"),
                    Installs.installed(site, SECRET));
            assertThat(installed.statusCode()).isEqualTo(204);
        }
        HttpResponse<String> callback = new Http(port).post("/api/v1/callbacks", "{\"url\":\"http://127.0.0.1:9/in\"}",
                "Authorization", "Bearer " + organizations.create("Rotation").key(), "Content-Type", "application/json");
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(201);
        // A batch smaller than the rows, so the run walks on from batch to batch.
        rotated = new SecretReencryption(jdbc, transaction, new SecretCipher(new Keyring(newKey, List.of(suiteKey))),
                SealedColumns.ALL, 2);
    }

    @Test
    void everyValueMovesToTheNewKeyAndTheNewKeyAloneOpensItAfterwards() {
        assertThat(keyIds("site", "shared_secret")).containsOnly(suiteKey.id());
        long versionBefore = jdbc.sql("select version from site where client_key = 'rotate-a'").query(Long.class).single();

        SecretReencryption.Report report = rotated.run();

        assertThat(report.moved()).isEqualTo(Map.of(suiteKey.id(), 4L));
        assertThat(report.unreadable()).isEmpty();
        assertThat(report.remaining()).isEmpty();
        assertThat(report.summary()).contains("moved 4 from key " + suiteKey.id()).contains("retired keys may be dropped");
        assertThat(keyIds("site", "shared_secret")).containsOnly(newKey.id());
        assertThat(keyIds("callback_endpoint", "secret")).containsOnly(newKey.id());
        for (String site : List.of("rotate-a", "rotate-b", "rotate-c")) {
            assertThat(newKeyOnly.open(sealed("site", "shared_secret", "client_key", site),
                    new SealedColumn("site", "shared_secret", "client_key", true).context(site))).isEqualTo(SECRET);
        }
        String endpoint = jdbc.sql("select id from callback_endpoint").query(String.class).single();
        assertThat(newKeyOnly.open(sealed("callback_endpoint", "secret", "id", endpoint),
                new SealedColumn("callback_endpoint", "secret", "id", false).context(endpoint))).startsWith("whsec_");
        assertThat(jdbc.sql("select version from site where client_key = 'rotate-a'").query(Long.class).single())
                .as("a writer holding the row as it was cannot put the old value back").isEqualTo(versionBefore + 1);
    }

    @Test
    void aSecondRunMovesNothing() {
        rotated.run();

        SecretReencryption.Report again = rotated.run();

        assertThat(again.moved()).isEmpty();
        assertThat(again.remaining()).isEmpty();
        assertThat(again.summary()).contains("moved nothing");
    }

    @Test
    void aValueThatDoesNotOpenIsCountedAndLeftAsItIs() {
        jdbc.sql("update site set shared_secret_key_id = 'feedfeedfeed' where client_key = 'rotate-b'").update();
        String before = jdbc.sql("select shared_secret_ciphertext from site where client_key = 'rotate-b'").query(String.class).single();

        SecretReencryption.Report report = rotated.run();

        assertThat(report.moved()).isEqualTo(Map.of(suiteKey.id(), 3L));
        assertThat(report.unreadable()).isEqualTo(Map.of("feedfeedfeed", 1L));
        assertThat(report.remaining()).isEqualTo(Map.of("feedfeedfeed", 1L));
        assertThat(report.summary()).contains("keep those keys");
        assertThat(jdbc.sql("select shared_secret_ciphertext from site where client_key = 'rotate-b'").query(String.class)
                .single()).isEqualTo(before);
    }

    private List<String> keyIds(String table, String column) {
        return jdbc.sql("select " + column + "_key_id from " + table).query(String.class).list();
    }

    private Sealed sealed(String table, String column, String rowKey, String id) {
        return jdbc.sql("select " + column + "_key_id, " + column + "_ciphertext from " + table + " where " + rowKey + " = ?")
                .param(id).query((rs, n) -> new Sealed(rs.getString(1), rs.getString(2))).single();
    }
}
