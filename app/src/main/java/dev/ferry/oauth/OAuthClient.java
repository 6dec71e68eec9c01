package dev.ferry.oauth;

import dev.ferry.connection.ConnectionProperties;
import dev.ferry.connection.OAuthProperties;
import dev.ferry.url.BlockedAddressException;
import dev.ferry.url.OutboundGuard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every call Ferry makes to Atlassian's authorization server ({@code {authUrl}/oauth/token}) and to
 * {@code {gatewayUrl}/oauth/token/accessible-resources}. Each address passes the outbound guard first, and no
 * redirect is followed: a token endpoint that redirects is not one to send a client secret to.
 */
@Component
class OAuthClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final OAuthProperties oauth;
    private final ConnectionProperties connections;
    private final OutboundGuard guard;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    OAuthClient(OAuthProperties oauth, ConnectionProperties connections, OutboundGuard guard) {
        this.oauth = oauth;
        this.connections = connections;
        this.guard = guard;
    }

    /** The code Atlassian sent to the callback, for the grant's first tokens. */
    OAuthTokens exchange(String code) {
        Map<String, String> body = clientFields("authorization_code");
        body.put("code", code);
        body.put("redirect_uri", oauth.redirectUri());
        return tokens(body);
    }

    /** Spends the refresh token: Atlassian answers with a new one and the old stops working. */
    OAuthTokens refresh(String refreshToken) {
        Map<String, String> body = clientFields("refresh_token");
        body.put("refresh_token", refreshToken);
        return tokens(body);
    }

    /** The sites the access token's grant reaches. */
    List<OAuthSite> accessibleResources(String accessToken) {
        URI uri = URI.create(base(connections.gatewayUrl()) + "/oauth/token/accessible-resources");
        JsonNode answer = send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json").GET(), uri);
        List<OAuthSite> sites = new ArrayList<>();
        answer.forEach(site -> sites.add(new OAuthSite(site.path("id").asString(), base(site.path("url").asString()),
                site.path("name").asString())));
        return sites;
    }

    /** {@code {authUrl}/authorize?...}: where the person's browser goes to consent. */
    URI authorizeUri(String state) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("audience", "api.atlassian.com");
        query.put("client_id", oauth.clientId());
        query.put("scope", oauth.scopes());
        query.put("redirect_uri", oauth.redirectUri());
        query.put("state", state);
        query.put("response_type", "code");
        query.put("prompt", "consent");
        StringBuilder uri = new StringBuilder(base(oauth.authUrl()) + "/authorize");
        query.forEach((name, value) -> uri.append(uri.indexOf("?") < 0 ? '?' : '&').append(name).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")));
        return URI.create(uri.toString());
    }

    private Map<String, String> clientFields(String grantType) {
        Map<String, String> body = new TreeMap<>();
        body.put("grant_type", grantType);
        body.put("client_id", oauth.clientId());
        body.put("client_secret", oauth.clientSecret());
        return body;
    }

    private OAuthTokens tokens(Map<String, String> body) {
        URI uri = URI.create(base(oauth.authUrl()) + "/oauth/token");
        JsonNode answer = send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), uri);
        String access = answer.path("access_token").asString("");
        if (access.isBlank()) {
            throw new OAuthFailure(200, "invalid_response", "the token endpoint answered without an access token");
        }
        String refresh = answer.path("refresh_token").asString("");
        return new OAuthTokens(access, refresh.isBlank() ? null : refresh, answer.path("expires_in").asLong(3600),
                answer.path("scope").asString(""));
    }

    /** The JSON answer of a 2xx; anything else becomes an {@link OAuthFailure} in Atlassian's words. */
    private JsonNode send(HttpRequest.Builder request, URI uri) {
        try {
            guard.check(uri);
        } catch (BlockedAddressException blocked) {
            throw new OAuthFailure(0, "blocked", "Ferry will not call that address: " + blocked.getMessage());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new OAuthFailure(0, "unreachable", uri.getHost() + " could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthFailure(0, "interrupted", "the call to " + uri.getHost() + " was interrupted");
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String error = body.path("error").asString("");
            String description = body.path("error_description").asString(body.path("message").asString(""));
            throw new OAuthFailure(response.statusCode(), error.isBlank() ? "HTTP " + response.statusCode() : error,
                    response.statusCode() / 100 == 3 ? "redirected, and Ferry follows no redirect" : description);
        }
        return body;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text == null || text.isBlank() ? "{}" : text);
        } catch (JacksonException notJson) {
            return JSON.createObjectNode();
        }
    }

    private static String base(Object url) {
        return url.toString().replaceAll("/+$", "");
    }
}
