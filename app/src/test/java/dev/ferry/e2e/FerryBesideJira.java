package dev.ferry.e2e;

import dev.ferry.simulator.JiraSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What end-to-end tests share: Ferry on a port chosen before it starts (its descriptor must name its
 * own URL before any bean exists, so a random port would be known too late), talking to a simulated site.
 */
final class FerryBesideJira {

    private FerryBesideJira() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String baseUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** Ferry on {@code port}, trusting the simulator's install keys; background workers left to the test. */
    static void register(DynamicPropertyRegistry registry, JiraSimulator jira, int port) {
        registry.add("server.port", () -> port);
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("ferry.base-url", () -> baseUrl(port));
        registry.add("ferry.connect.install-keys-urls", jira::installKeysUrl);
        // The simulator's first answer comes from a cold JVM on a busy CI machine; the production budget
        // for a key server (1.2 s) is tested elsewhere and would only make this journey flaky here.
        registry.add("ferry.connect.install-keys-timeout", () -> "15s");
        registry.add("ferry.webhooks.worker-enabled", () -> "false");
        registry.add("ferry.panels.glance-worker-enabled", () -> "false");
        registry.add("logging.level.com.atlassian.oai.validator", () -> "WARN");
    }
}
