package dev.ferry.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps the embedded H2 database to its owner: its directory 0700 and its files 0600. H2 creates files
 * with the process's umask (usually 0644, readable by every local user), and the database holds API key
 * hashes, sessions and sealed secrets. The directory's mode also covers files H2 creates later (its trace
 * file, temporary files).
 */
final class H2Files {

    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path directory;
    private final String prefix;

    private H2Files(Path database) {
        this.directory = database.toAbsolutePath().normalize().getParent();
        this.prefix = database.getFileName() + ".";
    }

    /** The files of an embedded H2 URL ({@code jdbc:h2:file:./data/ferry;…}, or {@code fsync:}); else empty. */
    static Optional<H2Files> of(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = jdbcUrl.substring("jdbc:h2:".length()).split(";", 2)[0];
        if (name.startsWith("file:") || name.startsWith(FilePathFsync.SCHEME + ":")) {
            name = name.substring(name.indexOf(':') + 1);
        } else if (name.matches("^(mem|tcp|ssl|zip|split|nio\\w*|async|memFS|memLZF|retry):.*")) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return name.isBlank() ? Optional.empty() : Optional.of(new H2Files(Path.of(name)));
    }

    /** Before H2 opens the database: its directory exists and only its owner may enter it. */
    void prepareDirectory() {
        try {
            Files.createDirectories(directory);
            setPermissions(directory, OWNER_DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the database directory " + directory, e);
        }
    }

    /** After H2 opened it: every file of the database is the owner's alone. */
    void restrictFiles() {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix) && Files.isRegularFile(f))
                    .toList()) {
                setPermissions(file, OWNER_FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the database files in " + directory, e);
        }
    }

    Path directory() {
        return directory;
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the files keep the user's default ACL, as the key file does.
        }
    }
}
