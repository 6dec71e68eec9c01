package dev.ferry.jira;

import dev.ferry.connect.OutboundTokens;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.stereotype.Component;

/** Sends one request to a site, signed as the app (Connect JWT of the exact request); no retries, no budget. */
@Component
class JiraTransport {

    private final OutboundTokens tokens;
    private final HttpClient http;
    private final JiraProperties properties;

    JiraTransport(OutboundTokens tokens, JiraProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Jira's answer, whatever its status; a JiraException of kind UNAVAILABLE when none arrived. */
    HttpResponse<String> send(JiraSite site, JiraRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(properties.readTimeout())
                .header("Authorization", "JWT " + tokens.sign(request.method(), request.uri(), site.baseUrl(),
                        site.sharedSecret()))
                .header("Accept", "application/json");
        if ("http".equals(request.uri().getScheme())) {
            // Jira Cloud speaks HTTP/2 over TLS only. Over cleartext (a local simulator or proxy) the client would
            // try an h2c upgrade and then squeeze every call to the site through one multiplexed connection.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        if (request.body() == null) {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body()));
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw JiraErrors.unreachable(request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JiraErrors.unreachable(request, e);
        }
    }
}
