package dev.ferry.crypto;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Ferry itself, started on PostgreSQL without a key, stops before it opens the database. */
class SecretKeyCheckTest {

    @Test
    void ferryOnPostgreSqlWithoutAKeyStopsBeforeOpeningTheDatabase() {
        // Port 1: nothing listens there, so a start that reached the database would fail with a connection error.
        assertThatThrownBy(() -> new SpringApplicationBuilder(FerryApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/ferry"))
                .isInstanceOf(MissingSecretKeyException.class)
                .hasMessageContaining("ferry.secret-key (env FERRY_SECRET_KEY) is not set");
    }

    @Test
    void aKeyFromTheCommandLineLetsTheCheckPass() {
        var environment = new org.springframework.mock.env.MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/ferry")
                .withProperty("ferry.secret-key", SecretCipherTest.NEW_KEY);

        assertThatCode(() -> KeyringLoader.requireKeyWhereShared(environment)).doesNotThrowAnyException();
    }
}
