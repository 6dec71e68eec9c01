package dev.ferry.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.FerryApplication;
import dev.ferry.support.Http;
import dev.ferry.support.InstallKeyServer;
import dev.ferry.support.Installs;
import dev.ferry.support.TestSupportConfig;
import dev.ferry.support.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A rotation as an operator does it: Ferry sealed a site's secret with the old key; {@code reencrypt-secrets}, given
 * the new key as current and the old one as retired, moves it; then Ferry with the new key alone opens it.
 */
class ReencryptSecretsCommandTest {

    static final String OLD_KEY = "dGVzdC1vbmx5LWtleS0wMDAwMDAwMDAwMDAwMDAwMDA=";
    static final String NEW_KEY = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";
    static final String SITE = "rotated-site";
    static final String SECRET = "rotated-site-shared-secret-long-enough-000001";

    @TempDir
    Path dir;

    @Test
    void theCommandMovesEverySecretToTheNewKeySoTheOldOneCanGo() throws Exception {
        String h2 = "jdbc:h2:file:" + dir.resolve("ferry");
        try (ConfigurableApplicationContext ferry = start(h2, OLD_KEY)) {
            assertThat(new Http(port(ferry)).postJwt("/lifecycle/installed",
                    ferry.getBean(Tokens.class).install(SITE, "/lifecycle/installed"), Installs.installed(SITE, SECRET))
                    .statusCode()).isEqualTo(204);
        }
        String oldKeyId = keyId(h2);

        String first = reencrypt(h2, 0);
        String second = reencrypt(h2, 0);

        assertThat(first).contains("moved 1 from key " + oldKeyId).contains("retired keys may be dropped");
        assertThat(second).contains("moved nothing");
        assertThat(keyId(h2)).isNotEqualTo(oldKeyId);
        try (ConfigurableApplicationContext ferry = start(h2, NEW_KEY)) {
            String token = ferry.getBean(Tokens.class).request(SITE, SECRET, "GET", "/configure");
            assertThat(new Http(port(ferry)).get("/configure?jwt=" + token).statusCode())
                    .as("the new key alone opens the moved secret").isEqualTo(200);
        }
    }

    private static String reencrypt(String h2, int expectedExit) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = FerryCommands.run(new String[] {"reencrypt-secrets", "--spring.datasource.url=" + h2,
                "--spring.flyway.schemas=PUBLIC", "--ferry.secret-key=" + NEW_KEY, "--ferry.retired-secret-keys=" + OLD_KEY},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedExit);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String keyId(String h2) throws Exception {
        try (Connection connection = DriverManager.getConnection(h2);
                ResultSet row = connection.createStatement().executeQuery("select shared_secret_key_id from site")) {
            row.next();
            return row.getString(1);
        }
    }

    private static ConfigurableApplicationContext start(String url, String key) {
        return new SpringApplicationBuilder(FerryApplication.class, TestSupportConfig.class)
                .initializers(new InstallKeyServer.Initializer()).profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.flyway.schemas=PUBLIC",
                        "--ferry.secret-key=" + key);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
