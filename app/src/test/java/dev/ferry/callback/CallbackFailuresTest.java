package dev.ferry.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An endpoint slower than {@code ferry.callbacks.timeout}, and one where nothing listens, each cost the message
 * one failed attempt: it stays PENDING with a next attempt, saying why, and the next attempt delivers it once the
 * endpoint answers, under the same webhook-id.
 */
@FerryIntegrationTest
@TestPropertySource(properties = "ferry.callbacks.timeout=300ms")
class CallbackFailuresTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    ApplicationContext context;

    Http http;
    String bearer;
    HttpServer receiver;
    final java.util.concurrent.ExecutorService answering = java.util.concurrent.Executors.newCachedThreadPool();
    volatile long answerAfterMillis;

    @BeforeEach
    void anOrganization() {
        http = new Http(port);
        bearer = "Bearer " + organizations.create("Acme Callbacks").key();
    }

    @AfterEach
    void stopTheReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
        answering.shutdownNow();
    }

    @Test
    void anEndpointSlowerThanTheTimeoutIsAFailedAttemptTriedAgain() throws Exception {
        int hooks = freePort();
        listen(hooks);
        answerAfterMillis = 2_000;
        String endpoint = register(hooks);

        JsonNode failed = attemptTestMessage(endpoint);

        assertThat(failed.path("status").asString()).isEqualTo("PENDING");
        assertThat(failed.path("attempts").asInt()).isEqualTo(1);
        assertThat(failed.path("lastError").asString()).isEqualTo("no answer within 300 ms");
        assertThat(Instant.parse(failed.path("nextAttemptAt").asString())).isAfter(Instant.now());

        answerAfterMillis = 0;
        JsonNode delivered = attemptAgain(endpoint);
        assertThat(delivered.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(2);
        assertThat(delivered.path("webhookId").asString()).isEqualTo(failed.path("webhookId").asString());
    }

    @Test
    void anEndpointWhereNothingListensIsAFailedAttemptTriedAgain() throws Exception {
        int hooks = freePort();
        String endpoint = register(hooks);

        JsonNode failed = attemptTestMessage(endpoint);

        assertThat(failed.path("status").asString()).isEqualTo("PENDING");
        assertThat(failed.path("attempts").asInt()).isEqualTo(1);
        assertThat(failed.path("lastError").asString()).startsWith("could not reach the endpoint: ConnectException");
        assertThat(Instant.parse(failed.path("nextAttemptAt").asString())).isAfter(Instant.now());

        listen(hooks);
        JsonNode delivered = attemptAgain(endpoint);
        assertThat(delivered.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(2);
    }

    private String register(int hooks) {
        HttpResponse<String> added = http.post("/api/v1/callbacks", "{\"url\":\"http://127.0.0.1:" + hooks + "/hooks\"}",
                "Authorization", bearer, "Content-Type", "application/json");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return JSON.readTree(added.body()).path("id").asString();
    }

    /** Asks for a test message and lets the worker make its first attempt; answers the message. */
    private JsonNode attemptTestMessage(String endpoint) {
        HttpResponse<String> test = http.post("/api/v1/callbacks/" + endpoint + "/test", "", "Authorization", bearer);
        assertThat(test.statusCode()).as(test.body()).isEqualTo(202);
        assertThat(CallbackDrain.drain(context)).isEqualTo(1);
        return message(endpoint);
    }

    private JsonNode attemptAgain(String endpoint) {
        assertThat(CallbackDrain.drain(context)).as("nothing is due during the back-off").isZero();
        CallbackDrain.skipBackoff(context);
        assertThat(CallbackDrain.drain(context)).isEqualTo(1);
        return message(endpoint);
    }

    private JsonNode message(String endpoint) {
        HttpResponse<String> attempts = http.get("/api/v1/callbacks/" + endpoint + "/attempts", "Authorization", bearer);
        JsonNode messages = JSON.readTree(attempts.body());
        assertThat(messages).as(attempts.body()).hasSize(1);
        return messages.get(0);
    }

    /** A receiver on the port that answers 200 after {@link #answerAfterMillis}. */
    private void listen(int hooks) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", hooks), 0);
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(answerAfterMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.setExecutor(answering);
        receiver.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
