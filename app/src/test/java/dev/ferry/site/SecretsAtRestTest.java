package dev.ferry.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Installs;
import dev.ferry.support.Tokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A shared secret is stored only sealed, with its key id, and no endpoint gives it back. */
@FerryIntegrationTest
class SecretsAtRestTest {

    static final String SECRET = "plain-shared-secret-nobody-may-read-0123456789";

    @LocalServerPort
    int port;
    @Autowired
    Tokens tokens;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theRawTableHoldsNoPlaintextSecret() {
        install("secret-site");

        for (Map<String, Object> row : jdbc.sql("select * from site").query().listOfRows()) {
            assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(SECRET));
            assertThat(String.valueOf(row.get("shared_secret_key_id"))).matches("[0-9a-f]{12}");
        }
        assertThat(jdbc.sql("select * from lifecycle_token").query().listOfRows())
                .allSatisfy(row -> assertThat(row.toString()).doesNotContain(SECRET));
    }

    @Test
    void noPageShowsTheSecret() {
        install("secret-site");

        var page = new Http(port).get("/configure?jwt=" + tokens.request("secret-site", SECRET, "GET", "/configure"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(SECRET);
    }

    void install(String clientKey) {
        var response = new Http(port).postJwt("/lifecycle/installed", tokens.install(clientKey, "/lifecycle/installed"),
                Installs.installed(clientKey, SECRET));
        assertThat(response.statusCode()).isEqualTo(204);
    }
}
