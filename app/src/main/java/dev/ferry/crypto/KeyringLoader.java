package dev.ferry.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Builds the keyring from {@code ferry.secret-key}; on the single-node H2 database only, falls back to a key
 * file it creates, because a missing key must never silently mean "store secrets in the clear". On a shared
 * database (PostgreSQL) a key file would be per node, so each node would seal secrets the others cannot open:
 * there, and with the prod profile, a missing key stops Ferry ({@link MissingSecretKeyException}).
 */
final class KeyringLoader {

    private static final Logger log = LoggerFactory.getLogger(KeyringLoader.class);

    private KeyringLoader() {
    }

    static Keyring load(CryptoProperties properties, Environment environment) {
        var retired = properties.retiredSecretKeys().stream().map(DataKey::fromBase64).toList();
        if (properties.secretKey() != null && !properties.secretKey().isBlank()) {
            return new Keyring(DataKey.fromBase64(properties.secretKey()), retired);
        }
        requireKeyWhereShared(environment);
        return new Keyring(DataKey.fromBase64(readOrCreate(properties.secretKeyFile())), retired);
    }

    /** Throws unless a key is set, or Ferry runs on H2 without the prod profile (where a key file will do). */
    static void requireKeyWhereShared(Environment environment) {
        String key = environment.getProperty("ferry.secret-key");
        if (key != null && !key.isBlank()) {
            return;
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new MissingSecretKeyException("with the prod profile");
        }
        if (!onH2(environment.getProperty("spring.datasource.url"))) {
            throw new MissingSecretKeyException("on a database other nodes may share (PostgreSQL)");
        }
    }

    /** Ferry's default database is the H2 file (application.yml); any other URL may be shared by nodes. */
    private static boolean onH2(String url) {
        return url == null || url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length());
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                log.warn("ferry.secret-key is not set: secrets are encrypted with the local key file {}. "
                        + "Set FERRY_SECRET_KEY before running Ferry anywhere but a developer machine.", file.toAbsolutePath());
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String encoded = Base64.getEncoder().encodeToString(bytes);
            write(file, encoded);
            log.warn("!!! ferry.secret-key is not set: created a NEW local key file {} to encrypt secrets. "
                    + "Losing it makes every stored secret unreadable. Set FERRY_SECRET_KEY in any real deployment. !!!",
                    file.toAbsolutePath());
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        }
    }

    private static void write(Path file, String encoded) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "secret", ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays with the user's default ACL.
        }
        Files.writeString(temp, encoded, StandardCharsets.US_ASCII);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
