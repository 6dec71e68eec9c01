package dev.ferry.command;

import dev.ferry.crypto.CryptoConfig;
import dev.ferry.crypto.SecretReencryption;
import java.io.PrintStream;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * {@code reencrypt-secrets}: moves every sealed value to the current key now, with the settings Ferry itself runs
 * with (database, {@code FERRY_SECRET_KEY}, {@code ferry.retired-secret-keys}). It starts the database and the keyring
 * only, never a web server, a worker or a scheduled job; nodes may keep running meanwhile (a value is written only
 * if it is still what was read).
 */
final class ReencryptSecretsCommand {

    private ReencryptSecretsCommand() {
    }

    /** 0 when every value is on the current key, 3 when some did not open (they stay on their key). */
    static int run(List<String> springArgs, PrintStream out) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Context.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties(CommandSettings.QUIET).run(springArgs.toArray(String[]::new))) {
            SecretReencryption.Report report = context.getBean(SecretReencryption.class).run();
            out.println("reencrypt-secrets: " + report.summary());
            return report.unreadable().isEmpty() ? 0 : 3;
        }
    }

    /** Boot's database set-up (pool, Flyway, JdbcClient, transactions) and the keyring; nothing of Ferry else. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(CryptoConfig.class)
    static class Context {
    }
}
