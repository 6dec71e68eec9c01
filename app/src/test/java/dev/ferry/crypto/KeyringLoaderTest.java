package dev.ferry.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Where the encryption key comes from, and when Ferry refuses to start without one. */
class KeyringLoaderTest {

    @TempDir
    Path dir;

    @Test
    void withoutAKeyTheProdProfileRefusesToStart() {
        var environment = new MockEnvironment();
        environment.setActiveProfiles("prod");

        assertThatThrownBy(() -> KeyringLoader.load(new CryptoProperties(null, dir.resolve("k"), List.of()), environment))
                .isInstanceOf(MissingSecretKeyException.class).hasMessageContaining("with the prod profile");
        assertThat(dir.resolve("k")).doesNotExist();
    }

    @Test
    void withoutAKeyPostgreSqlRefusesToStartNamingTheSettingAndHowToMakeAKey() {
        var environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/ferry");

        assertThatThrownBy(() -> KeyringLoader.load(new CryptoProperties(null, dir.resolve("k"), List.of()), environment))
                .isInstanceOf(MissingSecretKeyException.class)
                .hasMessageContaining("FERRY_SECRET_KEY").hasMessageContaining("PostgreSQL")
                .hasMessageContaining("openssl rand -base64 32");
        assertThat(dir.resolve("k")).doesNotExist();
    }

    @Test
    void withoutAKeyAnH2FileDatabaseStillGetsItsKeyFile() {
        var environment = new MockEnvironment().withProperty("spring.datasource.url", "JDBC:H2:file:./data/ferry");

        KeyringLoader.load(new CryptoProperties(null, dir.resolve("k"), List.of()), environment);

        assertThat(dir.resolve("k")).exists();
    }

    @Test
    void withoutAKeyDevelopmentCreatesAPrivateKeyFileAndReusesIt() throws Exception {
        Path file = dir.resolve("data/secret.key");
        var properties = new CryptoProperties(null, file, List.of());

        Keyring first = KeyringLoader.load(properties, new MockEnvironment());
        Keyring second = KeyringLoader.load(properties, new MockEnvironment());

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(second.current().id()).isEqualTo(first.current().id());
    }

    @Test
    void aConfiguredKeyWinsOverTheFile() {
        var properties = new CryptoProperties(SecretCipherTest.NEW_KEY, dir.resolve("k"), List.of(SecretCipherTest.OLD_KEY));

        Keyring keyring = KeyringLoader.load(properties, new MockEnvironment());

        assertThat(keyring.current().id()).isEqualTo(DataKey.fromBase64(SecretCipherTest.NEW_KEY).id());
        assertThat(keyring.find(DataKey.fromBase64(SecretCipherTest.OLD_KEY).id())).isPresent();
        assertThat(dir.resolve("k")).doesNotExist();
    }
}
