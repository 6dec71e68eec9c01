package dev.ferry.simulator.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Ferry's product API as a product's backend calls it: JSON with the demo's API key, a refusal ending the demo in one line. */
final class DemoApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Calls that ask Jira first (choices, a ticket) may be slow while the simulator's JVM is still cold. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final FerryProcess ferry;
    private final String key;

    DemoApi(FerryProcess ferry, String key) {
        this.ferry = ferry;
        this.key = key;
    }

    /** GETs {@code path} and answers its JSON, or ends the demo unless Ferry answered 200. */
    JsonNode get(String path) {
        return expect(send(request(path).GET(), path), path, 200);
    }

    /** POSTs {@code json} with extra header name/value pairs; ends the demo unless the status is one of {@code ok}. */
    JsonNode post(String path, String json, int[] ok, String... headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return expect(send(request, path), path, ok);
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(ferry.baseUrl() + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + key).header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String path) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoRefusal("Ferry did not answer " + path + " (" + e + "); see " + ferry.log());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoRefusal("interrupted while calling Ferry");
        }
    }

    private JsonNode expect(HttpResponse<String> response, String path, int... ok) {
        for (int status : ok) {
            if (response.statusCode() == status) {
                try {
                    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
                } catch (IOException e) {
                    throw new DemoRefusal("Ferry's answer to " + path + " is not JSON; see " + ferry.log());
                }
            }
        }
        throw new DemoRefusal("Ferry refused " + path + " (HTTP " + response.statusCode() + "): " + response.body());
    }
}
