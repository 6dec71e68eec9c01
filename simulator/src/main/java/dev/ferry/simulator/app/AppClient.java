package dev.ferry.simulator.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Jira's HTTP client towards the app: fetches the descriptor, posts callbacks and webhooks, opens iframes. */
public final class AppClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Jira gives an install callback about three seconds; a little more keeps slow CI machines honest. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public Descriptor descriptor(String appBaseUrl) {
        Reply reply = get(appBaseUrl.replaceAll("/+$", "") + "/atlassian-connect.json", Map.of());
        if (reply.status() != 200) {
            throw new IllegalStateException("the app's descriptor answered HTTP " + reply.status());
        }
        try {
            return new Descriptor(JSON.readTree(reply.body()));
        } catch (IOException e) {
            throw new IllegalStateException("the app's descriptor is not JSON", e);
        }
    }

    public Reply get(String url, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    public Reply postJson(String url, String json, Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(builder, headers);
    }

    private Reply send(HttpRequest.Builder builder, Map<String, String> headers) {
        headers.forEach(builder::header);
        try {
            HttpResponse<String> response = http.send(builder.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("the app did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the app", e);
        }
    }

    /** What the app answered. */
    public record Reply(int status, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }
}
