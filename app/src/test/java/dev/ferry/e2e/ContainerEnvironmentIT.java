package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What the image would run, run here (no container engine is available): the packaged jar extracted into its
 * layers as the Dockerfile does ({@code -Djarmode=tools … extract --layers --launcher}), the layers copied into
 * one folder in the Dockerfile's order, its ENTRYPOINT started there with exactly compose.yaml's environment for
 * a Ferry node, and its HEALTHCHECK (docker/HealthCheck.java) run until it passes. Only what cannot be the same
 * outside compose differs: the database is the local PostgreSQL (schema {@code ferry_h_ops}) instead of the
 * {@code postgres} service, and the ports are free ones instead of 8080 and 8081.
 */
class ContainerEnvironmentIT {

    private static final String SCHEMA = "ferry_h_ops";
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final Duration STARTUP = Duration.ofMinutes(3);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @Test
    void theImagesEntryPointStartsHealthyWithComposesEnvironment() throws Exception {
        Path root = Files.exists(Path.of("compose.yaml")) ? Path.of("") : Path.of("..");
        Path jar = Path.of(System.getProperty("ferry.jar", "target/ferry.jar")).toAbsolutePath();
        String dockerfile = Files.readString(root.resolve("Dockerfile"));
        List<String> entryPoint = jsonArray(dockerfile, "ENTRYPOINT");
        try (JarFile packaged = new JarFile(jar.toFile())) {
            assertThat(entryPoint.get(entryPoint.size() - 1)).as("the entry point is the jar's launcher")
                    .isEqualTo(packaged.getManifest().getMainAttributes().getValue("Main-Class"));
        }
        Path app = layeredLikeTheImage(jar, dockerfile);
        freshSchema();

        int port = FerryBesideJira.freePort();
        int managementPort = FerryBesideJira.freePort();
        Map<String, String> environment = composeEnvironment(root);
        environment.put("SPRING_DATASOURCE_URL", POSTGRES + "&currentSchema=" + SCHEMA);
        environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
        environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
        environment.put("SERVER_PORT", String.valueOf(port));

        List<String> command = new ArrayList<>(entryPoint);
        command.set(0, java());
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("ferry.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("FERRY_")
                || name.startsWith("MANAGEMENT_") || name.startsWith("SERVER_"));
        builder.environment().putAll(environment);
        Process ferry = builder.start();
        try {
            List<String> healthCheck = jsonArray(dockerfile, "HEALTHCHECK.*CMD");
            String url = healthCheck.get(healthCheck.size() - 1).replace(":8081/", ":" + managementPort + "/");
            assertThat(awaitHealthy(ferry, root.resolve("docker/HealthCheck.java"), url))
                    .as("the HEALTHCHECK passes; see %s", work.resolve("ferry.log")).isTrue();
        } finally {
            ferry.destroy();
            assertThat(ferry.waitFor(60, TimeUnit.SECONDS)).as("exits on SIGTERM").isTrue();
        }
        String log = Files.readString(work.resolve("ferry.log"));
        assertThat(log).contains("The following 1 profile is active: \"prod\"");
        assertThat(log.lines().filter(line -> line.contains(" ERROR "))).as("errors in Ferry's log").isEmpty();
    }

    /** The Dockerfile's instruction as a JSON array (exec form). */
    private static List<String> jsonArray(String dockerfile, String instruction) {
        Matcher found = Pattern.compile("(?m)^" + instruction + "[^\\[]*(\\[.*\\])\\s*$").matcher(dockerfile.replace("\\\n", " "));
        assertThat(found.find()).as("the Dockerfile's %s in exec form", instruction).isTrue();
        List<String> words = new ArrayList<>();
        JsonMapper.builder().build().readTree(found.group(1)).forEach(word -> words.add(word.asString()));
        return words;
    }

    /** The jar extracted as the build stage does, its layers copied into one folder in the order of the COPY lines. */
    private Path layeredLikeTheImage(Path jar, String dockerfile) throws Exception {
        Path extracted = work.resolve("extracted");
        Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--layers",
                "--launcher", "--destination", extracted.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("extract.log").toFile()).start();
        assertThat(extract.waitFor(2, TimeUnit.MINUTES) && extract.exitValue() == 0).as("extract; see extract.log").isTrue();
        Path app = work.resolve("app");
        Matcher layers = Pattern.compile("(?m)^COPY --from=build /extracted/([a-z-]+)/ \\./$").matcher(dockerfile);
        List<String> copied = new ArrayList<>();
        while (layers.find()) {
            copied.add(layers.group(1));
            copyTree(extracted.resolve(layers.group(1)), app);
        }
        assertThat(copied).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        try (Stream<Path> left = Files.list(extracted)) {
            assertThat(left.map(path -> path.getFileName().toString())).as("every extracted layer is copied")
                    .containsExactlyInAnyOrderElementsOf(copied);
        }
        return app;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** compose.yaml's environment of ferry-1, with its ${…} filled as an operator's .env would. */
    private static Map<String, String> composeEnvironment(Path root) throws IOException {
        Map<String, String> dotEnv = Map.of("FERRY_SECRET_KEY", "dGVzdC1vbmx5LWtleS0wMDAwMDAwMDAwMDAwMDAwMDA=",
                "POSTGRES_PASSWORD", "not-checked-by-the-local-trust-setup", "FERRY_BASE_URL", "http://localhost:8080");
        JsonNode compose = new YAMLMapper().readTree(Files.readString(root.resolve("compose.yaml")));
        Map<String, String> environment = new LinkedHashMap<>();
        compose.path("services").path("ferry-1").path("environment").properties().forEach(entry -> {
            Matcher variable = Pattern.compile("^\\$\\{(\\w+)[:?-].*\\}$|^\\$\\{(\\w+)\\}$").matcher(entry.getValue().asString());
            String value = entry.getValue().asString();
            if (variable.matches()) {
                String name = variable.group(1) != null ? variable.group(1) : variable.group(2);
                assertThat(dotEnv).as(".env.example names %s", name).containsKey(name);
                value = dotEnv.get(name);
            }
            environment.put(entry.getKey(), value);
        });
        assertThat(Files.readString(root.resolve(".env.example"))).contains("FERRY_SECRET_KEY=", "POSTGRES_PASSWORD=",
                "FERRY_BASE_URL=");
        return environment;
    }

    private static boolean awaitHealthy(Process ferry, Path healthCheck, String url) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline && ferry.isAlive()) {
            Process check = new ProcessBuilder(java(), healthCheck.toString(), url).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
    }

    private static void freshSchema() throws Exception {
        try (Connection postgres = DriverManager.getConnection(POSTGRES)) {
            postgres.createStatement().execute("drop schema if exists " + SCHEMA + " cascade");
            postgres.createStatement().execute("create schema " + SCHEMA);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
