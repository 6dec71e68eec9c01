package dev.ferry.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An app's JSON call to a simulated site over real HTTP; {@link #basic} signs it with the bot's API token. */
final class SiteRequests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BOT = "Basic "
            + Base64.getEncoder().encodeToString("bot@example.com:token-1".getBytes(StandardCharsets.UTF_8));

    private SiteRequests() {
    }

    static HttpResponse<String> basic(JiraSimulator jira, String method, String pathAndQuery, String body)
            throws IOException, InterruptedException {
        return send(jira, method, pathAndQuery, body, BOT);
    }

    static HttpResponse<String> send(JiraSimulator jira, String method, String pathAndQuery, String body,
            String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(jira.baseUrl() + pathAndQuery))
                .header("Authorization", authorization).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
