package dev.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool as Ferry readies it, on a real embedded H2 database in a temporary directory. */
class PoolSetupTest {

    @TempDir
    Path temp;

    @Test
    void anEmbeddedH2DatabaseIsCreatedInADirectoryAndFilesOnlyItsOwnerCanRead() throws IOException {
        Path directory = temp.resolve("data");
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:file:" + directory.resolve("ferry") + ";WRITE_DELAY=0");

            new PoolSetup().postProcessAfterInitialization(pool, "dataSource");

            assertThat(mode(directory)).isEqualTo("rwx------");
            try (Stream<Path> files = Files.list(directory)) {
                assertThat(files.toList()).isNotEmpty().allSatisfy(file -> assertThat(mode(file)).isEqualTo("rw-------"));
            }
            assertThat(pool.getExceptionOverride()).isInstanceOf(BrokenConnections.class);
        }
    }

    @Test
    void onlyEmbeddedH2UrlsNameFiles() {
        assertThat(H2Files.of("jdbc:h2:mem:ferry-test;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(H2Files.of("jdbc:h2:tcp://127.0.0.1:9092/mem:ferry")).isEmpty();
        assertThat(H2Files.of("jdbc:postgresql://127.0.0.1:5432/test")).isEmpty();
        assertThat(H2Files.of("jdbc:h2:file:./data/ferry;WRITE_DELAY=0").orElseThrow().directory())
                .isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(H2Files.of("jdbc:h2:./data/ferry").orElseThrow().directory()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(H2Files.of("jdbc:h2:fsync:./data/ferry;WRITE_DELAY=0").orElseThrow().directory())
                .isEqualTo(Path.of("data").toAbsolutePath());
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
