package dev.ferry.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * A SIEM's HTTP collector on loopback, as one would be set up from the README and not from Ferry's code: it takes
 * NDJSON posts, answers with the statuses a test scripts (200 when none is left), and keeps each record once by its
 * {@code recordId}, as the README tells receivers to.
 */
final class SinkReceiver implements AutoCloseable {

    /** One post as it arrived. */
    record Received(String contentType, String authorization, String body, int answered) {

        List<JsonNode> lines() {
            return Arrays.stream(body.split("\n")).filter(line -> !line.isEmpty())
                    .map(line -> ProductApi.JSON.readTree(line)).toList();
        }

        List<Long> positions() {
            return lines().stream().map(line -> line.path("position").asLong()).toList();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> script = new ArrayDeque<>();
    /** The records kept, by recordId: a record sent again replaces nothing. */
    private final Map<Long, JsonNode> kept = new LinkedHashMap<>();

    SinkReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/services/collector/raw", this::handle);
        server.start();
    }

    static String url(int port) {
        return "http://127.0.0.1:" + port + "/services/collector/raw";
    }

    /** The next answers, in order, before the receiver goes back to 200. */
    synchronized void answer(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> accepted() {
        return received.stream().filter(post -> post.answered() / 100 == 2).toList();
    }

    /** The records kept once each, in the order they were first accepted. */
    synchronized List<JsonNode> kept() {
        return List.copyOf(kept.values());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status;
        synchronized (this) {
            status = script.isEmpty() ? 200 : script.poll();
        }
        Received post = new Received(exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"), body, status);
        received.add(post);
        if (status / 100 == 2) {
            synchronized (this) {
                post.lines().forEach(line -> kept.putIfAbsent(line.path("recordId").asLong(), line));
            }
        }
        if (status / 100 == 3) {
            exchange.getResponseHeaders().add("Location", "/services/collector/raw/followed");
        }
        byte[] answer = ("{\"text\":\"answer " + status + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
