package dev.ferry.jira;

import dev.ferry.connect.OutboundTokens;
import dev.ferry.metrics.FerryMeters;
import dev.ferry.url.BlockedAddressException;
import dev.ferry.url.OutboundGuard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sends one request to a site, authenticated the connection's way (a Connect JWT of the exact request, Basic
 * with an API token, or an OAuth bearer token); no retries, no budget, and never a redirect followed.
 */
@Component
class JiraTransport {

    private final OutboundTokens tokens;
    private final HttpClient http;
    private final JiraProperties properties;
    private final OutboundGuard guard;
    @Autowired(required = false)
    private FerryMeters meters = FerryMeters.NONE;

    JiraTransport(OutboundTokens tokens, JiraProperties properties, OutboundGuard guard) {
        this.tokens = tokens;
        this.guard = guard;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Jira's answer, whatever its status; a JiraException of kind UNAVAILABLE when none arrived. */
    HttpResponse<String> send(JiraSite site, JiraRequest request) {
        try {
            // Every call, not only when a URL is typed: a name can come to resolve elsewhere after it was checked.
            guard.check(request.uri());
        } catch (BlockedAddressException blocked) {
            throw new JiraException(JiraException.Kind.BLOCKED, 0, request.describe() + " to " + request.uri().getHost()
                    + " not sent: " + blocked.getMessage(), blocked.getMessage(), null);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(properties.readTimeout())
                .header("Accept", "application/json");
        if (site.auth() instanceof JiraAuth.ForgeSystem forge && forge.systemToken() == null) {
            throw new JiraException(JiraException.Kind.UNAVAILABLE, 0, request.describe() + " to "
                    + request.uri().getHost() + " not sent: Forge has not handed Ferry a valid system token for "
                    + site.clientKey() + " yet", "no valid Forge system token yet", null);
        }
        if (!(site.auth() instanceof JiraAuth.Anonymous)) {
            builder.header("Authorization", authorization(site, request));
        }
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
            return meters.jiraCall(() -> http.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw JiraErrors.unreachable(request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JiraErrors.unreachable(request, e);
        }
    }

    private String authorization(JiraSite site, JiraRequest request) {
        JiraAuth auth = site.auth();
        if (auth instanceof JiraAuth.ConnectApp app) {
            return "JWT " + tokens.sign(request.method(), request.uri(), site.baseUrl(), app.sharedSecret());
        }
        if (auth instanceof JiraAuth.ApiToken token) {
            return "Basic " + Base64.getEncoder().encodeToString(
                    (token.email() + ":" + token.token()).getBytes(StandardCharsets.UTF_8));
        }
        if (auth instanceof JiraAuth.ForgeSystem forge) {
            return "Bearer " + forge.systemToken();
        }
        return "Bearer " + ((JiraAuth.OAuthBearer) auth).accessToken();
    }
}
