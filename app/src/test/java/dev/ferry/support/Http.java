package dev.ferry.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP to Ferry on its test port; paths and queries are sent exactly as given. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    public Http(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send(request(pathAndQuery, headers).GET());
    }

    public HttpResponse<String> post(String pathAndQuery, String body, String... headers) {
        return send(request(pathAndQuery, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> put(String pathAndQuery, String body, String... headers) {
        return send(request(pathAndQuery, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> patch(String pathAndQuery, String body, String... headers) {
        return send(request(pathAndQuery, headers).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST whose length is not declared: the body goes chunked, as a streaming client sends it. */
    public HttpResponse<String> postChunked(String pathAndQuery, String body, String... headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(request(pathAndQuery, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
    }

    public HttpResponse<String> delete(String pathAndQuery, String... headers) {
        return send(request(pathAndQuery, headers).DELETE());
    }

    /** A lifecycle-style POST with {@code Authorization: JWT token}. */
    public HttpResponse<String> postJwt(String path, String token, String body) {
        return token == null ? post(path, body) : post(path, body, "Authorization", "JWT " + token);
    }

    private HttpRequest.Builder request(String pathAndQuery, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
