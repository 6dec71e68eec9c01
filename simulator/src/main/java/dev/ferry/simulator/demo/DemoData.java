package dev.ferry.simulator.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files the demo keeps in its data folder: Ferry's H2 database, its secret key and log, the parent
 * watch. Each run starts from none of them: the simulated site is a new one every run, and the last run's
 * site, long gone, would otherwise still show as installed and enabled.
 */
final class DemoData {

    /** Only what the demo itself creates: H2's files of the {@code demo} database and the demo's own files. */
    private static final Pattern OWN = Pattern.compile("demo\\.(mv|trace|lock|h2|[0-9]+\\.temp)\\.db|demo-ferry\\.log"
            + "|demo-secret\\.key|" + Pattern.quote(FerryProcess.WATCH_JAR));

    private DemoData() {
    }

    /** Deletes the demo's files from an earlier run and answers their names; other files stay. */
    static List<String> clean(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return List.of();
        }
        List<String> deleted = new ArrayList<>();
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path file : files.filter(f -> OWN.matcher(f.getFileName().toString()).matches()).sorted().toList()) {
                Files.delete(file);
                deleted.add(file.getFileName().toString());
            }
        } catch (IOException e) {
            throw new DemoRefusal("cannot delete the last run's demo files in " + dataDir + " (" + e
                    + "); is another demo still running?");
        }
        return deleted;
    }
}
