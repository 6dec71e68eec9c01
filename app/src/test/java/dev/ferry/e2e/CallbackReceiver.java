package dev.ferry.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * A product's callback endpoint on loopback, as the product would write one from the Standard Webhooks spec and not
 * from Ferry's code: it checks each request's signature with the secret Ferry showed once, records what came, and
 * answers with the statuses a test scripts (200 when none is left).
 */
final class CallbackReceiver implements AutoCloseable {

    /** One request as it arrived, and whether its signature held. */
    record Received(String webhookId, long timestamp, String body, boolean signatureValid, int answered) {

        JsonNode json() {
            return ProductApi.JSON.readTree(body);
        }

        String type() {
            return json().path("type").asString();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> script = new ArrayDeque<>();
    private volatile String secret;

    CallbackReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hooks", this::handle);
        server.start();
    }

    String url(int port) {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    void trust(String whsecSecret) {
        this.secret = whsecSecret;
    }

    /** The next answers, in order, before the receiver goes back to 200. */
    synchronized void answer(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests answered 2xx, in the order they came. */
    List<Received> accepted() {
        return received.stream().filter(request -> request.answered() / 100 == 2).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        boolean valid = id != null && timestamp != null && signatures != null && verifies(id, timestamp, body, signatures);
        int status;
        synchronized (this) {
            status = !valid ? 401 : script.isEmpty() ? 200 : script.poll();
        }
        received.add(new Received(id, timestamp == null ? -1 : Long.parseLong(timestamp), body, valid, status));
        if (status / 100 == 3) {
            // back to this very receiver: a second request here would show Ferry followed it
            exchange.getResponseHeaders().add("Location", "/hooks/followed");
        }
        byte[] answer = ("answer " + status).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    /** The spec's check: HMAC-SHA256 keyed with the base64 after whsec_, over id.timestamp.body; any v1 entry may match. */
    private boolean verifies(String id, String timestamp, String body, String signatures) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String entry : signatures.split(" ")) {
                if (entry.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(entry.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
