package dev.ferry.simulator.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the shared specification folder: the {@code ferry.specs.dir} system property, else
 * {@code ../shared/specs} next to the repository root, whether the JVM runs in the root or in a module.
 */
public final class SharedFiles {

    public static final String PROPERTY = "ferry.specs.dir";

    private SharedFiles() {
    }

    public static Path specsDir() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path candidate : List.of(cwd.resolve("../shared/specs"), cwd.resolve("../../shared/specs"))) {
            if (Files.isDirectory(candidate)) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("cannot find the shared specs folder; set -D" + PROPERTY + "=/path/to/shared/specs");
    }

    public static Path spec(String fileName) {
        return specsDir().resolve(fileName);
    }
}
