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
 * One Ferry node of several on one database: {@code java -jar ferry.jar} started directly (no shell in
 * between, so killing the process kills the JVM), on a port of its own and with its Actuator on a
 * management port of its own, since two nodes on one host cannot share the default one. Its health is
 * read there, where it stays whatever the main port serves.
 */
final class FerryNode {

    private final String name;
    private final Path jar;
    private final Path log;
    private final int port;
    private final int managementPort;
    private final List<String> arguments;
    private Process process;

    FerryNode(String name, Path jar, Path workDir, List<String> arguments) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: integration tests run after `mvn package`");
        }
        this.name = name;
        this.jar = jar;
        this.log = workDir.resolve(name + ".log");
        this.port = FerryBesideJira.freePort();
        this.managementPort = FerryBesideJira.freePort();
        this.arguments = List.copyOf(arguments);
    }

    String name() {
        return name;
    }

    String url() {
        return FerryBesideJira.baseUrl(port);
    }

    Path log() {
        return log;
    }

    /** Starts the JVM without waiting; {@code publicUrl} is the address Jira knows Ferry by, shared by the nodes. */
    void start(String publicUrl, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.address=127.0.0.1", "--server.port=" + port,
                "--management.server.address=127.0.0.1", "--management.server.port=" + managementPort,
                "--ferry.base-url=" + publicUrl, "--ferry.node.name=" + name));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // The database is chosen by the arguments alone, not by whatever the environment running the test holds.
        builder.environment().keySet().removeIf(variable -> variable.startsWith("SPRING_DATASOURCE"));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Ferry node " + name, e);
        }
    }

    /** Waits until the node's health answers 200 on its management port. */
    void awaitHealthy(Duration patience) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI health = URI.create(FerryBesideJira.baseUrl(managementPort) + "/actuator/health");
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Ferry node " + name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting: the port is not open yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Ferry node " + name + " was not healthy within " + patience + "; see " + log);
    }

    /**
     * SIGKILL to the JVM itself: no shutdown hook runs, no claim is released, no connection closed politely.
     * Answers the process id killed.
     */
    long kill() throws InterruptedException {
        String command = process.info().command().orElse("java");
        if (!Path.of(command).getFileName().toString().startsWith("java")) {
            throw new IllegalStateException("node " + name + " is process " + process.pid() + " running " + command
                    + ", not the JVM: a SIGKILL would not reach Ferry");
        }
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("node " + name + " survived SIGKILL");
        }
        return process.pid();
    }

    /** SIGTERM, then SIGKILL if it does not stop within a minute; nothing if it is not running. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The node's CPU time so far, as the operating system counts it. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
