package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A product backend calling Ferry's REST API over HTTP with an API key. */
final class ProductApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String key;
    private final String organizationId;

    ProductApi(String baseUrl, String key) {
        this(baseUrl, key, null);
    }

    private ProductApi(String baseUrl, String key, String organizationId) {
        this.baseUrl = baseUrl;
        this.key = key;
        this.organizationId = organizationId;
    }

    /** The organization's id when this client made it ({@link #newOrganization}); null otherwise. */
    String organizationId() {
        return organizationId;
    }

    /** Creates an organization through the operator endpoint and answers an API client holding its first key. */
    static ProductApi newOrganization(String baseUrl, String operatorToken, String name) {
        Reply created = new ProductApi(baseUrl, operatorToken).send("POST", "/api/v1/organizations",
                "{\"name\":\"" + name + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("organization not created: " + created);
        }
        return new ProductApi(baseUrl, created.json().path("apiKey").path("key").asString(),
                created.json().path("organization").path("id").asString());
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, String json) {
        return send("POST", path, json);
    }

    Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    Reply patch(String path, String json) {
        return send("PATCH", path, json);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** Posts an event Ferry must accept; answers its id. */
    String postEvent(String event) {
        Reply reply = post("/api/v1/events", event);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return reply.json().path("id").asString();
    }

    /** The event's first delivery, as {@code GET /api/v1/events/{id}} shows it. */
    JsonNode delivery(String eventId) {
        return get("/api/v1/events/" + eventId).json().path("deliveries").get(0);
    }

    /** Posts with one extra request header, such as {@code Idempotency-Key}. */
    Reply post(String path, String json, String header, String value) {
        return send("POST", path, json, java.util.Map.of(header, value));
    }

    Reply send(String method, String path, String json) {
        return send(method, path, json, java.util.Map.of());
    }

    private Reply send(String method, String path, String json, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Accept", "application/json");
        headers.forEach(request::header);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts Ferry refused with {@code status} as problem+json whose detail contains {@code detail}. */
    static void refused(Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.isProblem()).as(reply.contentType()).isTrue();
        assertThat(reply.json().path("detail").asString("")).contains(detail);
    }

    /** An answer from Ferry. */
    record Reply(int status, String contentType, String body) {

        JsonNode json() {
            return JSON.readTree(body == null || body.isBlank() ? "null" : body);
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
