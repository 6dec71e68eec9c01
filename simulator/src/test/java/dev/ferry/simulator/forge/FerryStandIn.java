package dev.ferry.simulator.forge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** A small HTTP receiver playing Ferry's Forge remote: answers 204 unless told otherwise, keeps what it got. */
final class FerryStandIn implements AutoCloseable {

    static final String APP_ID = "ari:cloud:ecosystem::app/8c2f4f9e-1b6d-4a39-9f3e-2d6c1b0a7e55";
    private static final ObjectMapper JSON = new ObjectMapper();

    final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    FerryStandIn() {
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(204)));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Requests to a path, in order. */
    List<LoggedRequest> requests(String path) {
        return server.getAllServeEvents().stream().map(event -> event.getRequest())
                .filter(request -> request.getUrl().split("\\?")[0].equals(path))
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    static String manifest() {
        try (InputStream in = FerryStandIn.class.getResourceAsStream("/forge/manifest.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fitOf(LoggedRequest request) {
        return request.getHeader("Authorization").substring("Bearer ".length());
    }

    static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode header(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
