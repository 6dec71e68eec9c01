package dev.ferry.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ferry as the operating system runs it: {@code java -jar ferry.jar} in a working directory of its own,
 * so its default database ({@code ./data/ferry}) lives there and survives the process. It can be started
 * again on the same directory and port, stopped gracefully, or killed with SIGKILL.
 */
final class FerryJar {

    private final Path jar;
    private final Path workDir;
    private final List<String> arguments;
    private Process process;
    private int starts;

    FerryJar(Path jar, Path workDir, List<String> arguments) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: integration tests run after `mvn package`");
        }
        this.jar = jar;
        this.workDir = workDir;
        this.arguments = List.copyOf(arguments);
    }

    /** Starts Ferry and waits until its readiness probe answers; each start logs to its own file. */
    void start(String baseUrl, Duration patience) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only: a quicker start on a busy machine; this process is tested for what it keeps, not its speed.
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                // Actuator on a free port: 8081 may be taken by another Ferry on this machine; probes use /readyz.
                "--management.server.port=0"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log(++starts).toFile());
        // The default database is the point: nothing from the environment may choose another one.
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_DATASOURCE"));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Ferry", e);
        }
        awaitHealthy(baseUrl, patience);
    }

    /** SIGKILL: no shutdown hook, no flush, no closing of the database, as the OOM killer or a power cut of the JVM. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, and waits for Ferry to close its database. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    Path log(int start) {
        return workDir.resolve("ferry-" + start + ".log");
    }

    private void awaitHealthy(String baseUrl, Duration patience) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Ferry exited with " + process.exitValue() + "; see " + log(starts));
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/readyz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting: the port is not open yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Ferry was not healthy within " + patience + "; see " + log(starts));
    }
}
