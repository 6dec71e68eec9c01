package dev.ferry.simulator.demo;

import dev.ferry.simulator.JiraSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Ferry as a child process that ends with the demo: started from its jar on loopback, its output in a log file. */
final class FerryProcess implements AutoCloseable {

    /** The demo's first admin of the admin UI; Ferry makes them choose a new password at the first sign-in. */
    static final String ADMIN_EMAIL = "admin@demo.example";
    static final String ADMIN_PASSWORD = "ferry-demo-password";
    /** The password the demo chooses at that first sign-in, so a person signs in with it and is not asked again. */
    static final String ADMIN_CHOSEN_PASSWORD = "ferry-demo-admin-signed-in";
    static final String ORGANIZATION = "Demo Product";

    /**
     * The demo's OAuth 2.0 client, registered in the simulator's authorization server, and its operator token:
     * values of a throwaway Ferry on loopback, not secrets.
     */
    static final String OAUTH_CLIENT_ID = "ferry-demo-client";
    static final String OAUTH_CLIENT_SECRET = "ferry-demo-client-secret";
    static final String OPERATOR_TOKEN = "ferry-demo-operator-token";

    /** The agent jar that ends Ferry when the demo is gone; written anew each run beside Ferry's files. */
    static final String WATCH_JAR = "demo-parent-watch.jar";

    private final Process process;
    private final String baseUrl;
    private final Path log;
    private final Thread stopOnExit = new Thread(this::stop, "demo-stops-ferry");
    /** Ferry's management port (health, Prometheus metrics), when the demo chose one. */
    private String managementUrl;

    private FerryProcess(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** Starts Ferry; {@code moreAllowedHosts} ({@code host:port}) are loopback receivers Ferry may post callbacks to. */
    static FerryProcess start(Path jar, int port, JiraSimulator jira, Path dataDir, String... moreAllowedHosts) {
        if (!Files.isRegularFile(jar)) {
            throw new DemoRefusal(jar + " is missing; build it first with: mvn -q package -DskipTests");
        }
        List<String> command = new ArrayList<>(List.of("-jar", jar.toString()));
        command.addAll(arguments(port, jira, dataDir, moreAllowedHosts));
        // Actuator (health, Prometheus) answers on a port of its own: 8081, Ferry's default, when free.
        int managementPort = Ports.preferred(port == 8081 ? 8082 : 8081);
        command.addAll(List.of("--management.server.address=127.0.0.1", "--management.server.port=" + managementPort));
        FerryProcess ferry = launch(command, "http://127.0.0.1:" + port, dataDir);
        ferry.managementUrl = "http://127.0.0.1:" + managementPort;
        return ferry;
    }

    /** Ferry's command-line settings for the demo: loopback, the simulator as Atlassian Cloud, the demo's admin. */
    static List<String> arguments(int port, JiraSimulator jira, Path dataDir, String... moreAllowedHosts) {
        String baseUrl = "http://127.0.0.1:" + port;
        return List.of("--server.address=127.0.0.1", "--server.port=" + port,
                "--ferry.base-url=" + baseUrl, "--ferry.connect.install-keys-urls=" + jira.installKeysUrl(),
                // The simulator's key server answers its first request from a cold JVM; Jira's 1.2 s budget
                // for a key server is the production setting, not the demo's.
                "--ferry.connect.install-keys-timeout=10s",
                // Ferry calls only Atlassian Cloud unless told otherwise: the simulated site, its gateway
                // (api.atlassian.com) and its authorization server (auth.atlassian.com) share one loopback port.
                // The demo's callback receiver listens on loopback too, so it is listed with its port.
                "--ferry.outbound.allowed-hosts=" + allowedHosts(jira, moreAllowedHosts),
                "--ferry.connections.gateway-url=" + jira.gatewayUrl(), "--ferry.oauth.auth-url=" + jira.authUrl(),
                "--ferry.oauth.client-id=" + OAUTH_CLIENT_ID, "--ferry.oauth.client-secret=" + OAUTH_CLIENT_SECRET,
                "--ferry.oauth.redirect-uri=" + oauthCallback(baseUrl),
                "--ferry.admin.operator-token=" + OPERATOR_TOKEN,
                // Forge Invocation Tokens come from the simulator's key (--forge installs the app through Forge).
                "--ferry.forge.app-id=" + DemoForge.APP_ID, "--ferry.forge.jwks-url=" + jira.forge().jwksUrl(),
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("demo"),
                "--ferry.secret-key-file=" + dataDir.toAbsolutePath().resolve("demo-secret.key"),
                "--ferry.dev.internal-links-api=true", "--ferry.admin.first-admin.email=" + ADMIN_EMAIL,
                "--ferry.admin.first-admin.organization=" + ORGANIZATION,
                "--ferry.admin.first-admin.password=" + ADMIN_PASSWORD,
                // The data-quality part needs these workers; they are on by default, and a command-line setting
                // outranks a FERRY_…_WORKER_ENABLED=false left in the environment.
                "--ferry.tickets.worker-enabled=true", "--ferry.object-state.worker-enabled=true",
                "--ferry.callbacks.worker-enabled=true");
    }

    private static String allowedHosts(JiraSimulator jira, String... more) {
        List<String> hosts = new ArrayList<>(List.of(URI.create(jira.baseUrl()).getAuthority()));
        hosts.addAll(List.of(more));
        return String.join(",", hosts);
    }

    /** Where Atlassian (here the simulator) sends the browser back after "Connect with Atlassian". */
    static String oauthCallback(String ferryBaseUrl) {
        return ferryBaseUrl + "/admin/connections/oauth/callback";
    }

    /**
     * Runs {@code java} with these arguments as the demo's child, its output in {@code demo-ferry.log}. The
     * child ends with the demo: a shutdown hook stops it when the demo is stopped (Ctrl-C, SIGTERM, an IDE's
     * stop button), and {@link ParentWatch} inside the child ends it when the demo is killed outright.
     */
    static FerryProcess launch(List<String> arguments, String baseUrl, Path dataDir) {
        Path log = dataDir.resolve("demo-ferry.log");
        try {
            Files.createDirectories(dataDir);
            Path watch = WatchJar.write(dataDir.resolve(WATCH_JAR));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-javaagent:" + watch.toAbsolutePath() + "=" + ProcessHandle.current().pid()));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            FerryProcess ferry = new FerryProcess(process, baseUrl, log);
            Runtime.getRuntime().addShutdownHook(ferry.stopOnExit);
            return ferry;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Ferry", e);
        }
    }

    /** Waits until Ferry's readiness probe (on its main port) answers 200, or fails with a pointer to the log. */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new DemoRefusal("Ferry exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/readyz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting: the port is not open yet.
            }
            Thread.sleep(500);
        }
        throw new DemoRefusal("Ferry did not become healthy within " + timeout + "; see " + log);
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Where Ferry's health and Prometheus metrics answer; null for a Ferry the demo did not start from its jar. */
    String managementUrl() {
        return managementUrl;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is stopping Ferry already.
        }
        stop();
    }

    /** Asks Ferry to shut down gracefully, and kills it when it has not within ten seconds. */
    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
