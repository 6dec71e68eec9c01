package dev.ferry.simulator.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The product's callback endpoint in miniature: on loopback, it checks each message's Standard Webhooks signature and keeps what came. */
final class DemoCallbackReceiver implements AutoCloseable {

    static final String PATH = "/ferry-callbacks";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Standard Webhooks asks receivers to refuse timestamps this far from their clock (replays). */
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** One message as received: its type, its {@code webhook-id}, and whether its signature was valid. */
    record Received(String type, String webhookId, boolean signatureValid) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private volatile String secret;

    private DemoCallbackReceiver(HttpServer server) {
        this.server = server;
    }

    /** Listens on a free loopback port; Ferry may post there only once its host:port is an allowed host. */
    static DemoCallbackReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        DemoCallbackReceiver receiver = new DemoCallbackReceiver(server);
        server.createContext(PATH, receiver::handle);
        server.start();
        return receiver;
    }

    /** {@code 127.0.0.1:port}, the entry for {@code ferry.outbound.allowed-hosts}. */
    String authority() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    String url() {
        return "http://" + authority() + PATH;
    }

    /** The {@code whsec_} secret Ferry answered once, when the endpoint was registered. */
    void secret(String secret) {
        this.secret = secret;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits up to {@code timeout} for a message matching {@code wanted}; true when one came. */
    boolean await(Predicate<Received> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received().stream().noneMatch(wanted)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            // The raw body as received is what was signed: verify it before parsing it.
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = header(exchange, "webhook-id");
            boolean valid = valid(id, header(exchange, "webhook-timestamp"), header(exchange, "webhook-signature"), body);
            String type;
            try {
                type = JSON.readTree(body).path("type").asText("?");
            } catch (IOException notJson) {
                type = "(not JSON)";
            }
            synchronized (this) {
                received.add(new Received(type, id, valid));
            }
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
        } finally {
            exchange.close();
        }
    }

    /** HMAC-SHA256 of {@code id.timestamp.body} keyed with the secret's bytes, matched against any {@code v1,} signature. */
    boolean valid(String id, String timestamp, String signatures, String body) {
        String key = secret;
        if (key == null || id.isEmpty() || signatures.isEmpty() || !fresh(timestamp)) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Arrays.stream(signatures.split(" ")).filter(s -> s.startsWith("v1,"))
                    .anyMatch(s -> MessageDigest.isEqual(expected, decode(s.substring(3))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean fresh(String timestamp) {
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
            return Duration.between(sent, Instant.now()).abs().compareTo(TOLERANCE) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value.strip();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
