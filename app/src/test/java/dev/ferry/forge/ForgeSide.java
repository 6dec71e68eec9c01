package dev.ferry.forge;

import static dev.ferry.support.ForgeKeys.answer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ferry.connect.JwtSigner;
import dev.ferry.support.ForgeKeys;
import dev.ferry.support.Http;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Plays Atlassian's side of Forge Remote for Ferry's tests, on loopback: its own RSA key and the JWKS serving it,
 * Forge Invocation Tokens minted with it, app system tokens, and the one Jira route Ferry asks through the API
 * gateway while an installation is installed (the reserved app property holding the Connect clientKey, which the
 * Jira simulator does not serve). One instance for the whole run, so the test classes share one Spring context.
 */
final class ForgeSide {

    static final String APP_ID = "ari:cloud:ecosystem::app/6f1c2e4a-1b7d-4c55-9a0e-2f4b8d9e7a31";
    static final String KID = "forge-test-key";
    static final String CONNECT_CLIENT_KEY_PATH =
            "/rest/atlassian-connect/1/addons/ferry-for-jira/properties/connect_client_key_019cdff3-8bfb-71fe-9628-875b700aebb8";
    static final ForgeSide INSTANCE = new ForgeSide();

    final ForgeKeys keys = new ForgeKeys(KID);
    /** cloudId → the Connect clientKey Jira answers for the app on that site. */
    final Map<String, String> connectClientKeys = new ConcurrentHashMap<>();
    /** System tokens the gateway accepts. */
    final Set<String> systemTokens = ConcurrentHashMap.newKeySet();
    final AtomicInteger propertyCalls = new AtomicInteger();
    private final HttpServer server;

    private ForgeSide() {
        server = keys.publish();
        server.createContext("/ex/jira/", this::gateway);
    }

    /** Points Ferry at this side's JWKS and names the app its tokens are for. */
    static void register(DynamicPropertyRegistry registry) {
        registry.add("ferry.forge.app-id", () -> APP_ID);
        registry.add("ferry.forge.jwks-url", () -> INSTANCE.url(ForgeKeys.JWKS_PATH));
        // Tests change rows behind Ferry's back (a token's expiry); nothing may be remembered across that.
        registry.add("ferry.forge.installations.cache-ttl", () -> "0s");
    }

    String apiBaseUrl(String cloudId) {
        return url("/ex/jira/" + cloudId);
    }

    /** The claims Forge puts into a token for a call of this installation, issued now for five minutes. */
    Map<String, Object> claims(String installationId, String cloudId) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", "forge/invocation-token");
        claims.put("aud", APP_ID);
        claims.put("iat", now - 2);
        claims.put("nbf", now - 2);
        claims.put("exp", now + 300);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("app", new HashMap<>(Map.of("id", APP_ID, "installationId", installationId,
                "apiBaseUrl", apiBaseUrl(cloudId), "environment", Map.of("id", "env-1"),
                "module", Map.of("key", "lifecycle-installed-trigger"))));
        claims.put("context", new HashMap<>(Map.of("cloudId", cloudId, "siteUrl", siteUrl(cloudId))));
        return claims;
    }

    String fit(Map<String, ?> claims) {
        return keys.sign(claims);
    }

    String fit(String installationId, String cloudId) {
        return fit(claims(installationId, cloudId));
    }

    static String siteUrl(String cloudId) {
        return "https://" + cloudId.replaceAll("[^a-z0-9]", "") + ".atlassian.net";
    }

    /** A token shaped as Forge's app system token (a JWT Ferry only reads {@code exp} of), accepted by the gateway. */
    String systemToken(Instant expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "atlassian-forge");
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String token = JwtSigner.unsigned(Map.of("alg", "RS256", "kid", "atlassian-oauth"), claims, "c2lnbmF0dXJl");
        systemTokens.add(token);
        return token;
    }

    /** A life cycle body as Forge sends it for the installation (its id as the bare uuid, as the reference shows). */
    static String lifecycleBody(String eventType, String installationId, String cloudId) {
        return "{\"id\":\"" + ForgeInstallation.uuid(installationId) + "\",\"installerAccountId\":\"5b10ac8d82e05b22cc7d4ef5\","
                + "\"app\":{\"id\":\"" + APP_ID + "\",\"version\":\"2.0.0\"},\"environment\":{\"id\":\"env-1\"},"
                + "\"eventType\":\"" + eventType + "\",\"context\":\"ari:cloud:jira::site/" + cloudId + "\"}";
    }

    /** Forge posting a life cycle event of the installation to Ferry, with a fresh token and the system token. */
    HttpResponse<String> lifecycle(Http http, String event, String installationId, String cloudId, String systemToken) {
        String body = lifecycleBody("avi:forge:" + event + ":app", installationId, cloudId);
        String fit = fit(installationId, cloudId);
        return systemToken == null ? http.post("/forge/lifecycle/" + event, body, "Authorization", "Bearer " + fit)
                : http.post("/forge/lifecycle/" + event, body, "Authorization", "Bearer " + fit,
                        "x-forge-oauth-system", systemToken);
    }

    private void gateway(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String cloudId = path.substring("/ex/jira/".length()).split("/", 2)[0];
        if (authorization == null || !systemTokens.contains(authorization.replaceFirst("^Bearer ", ""))) {
            answer(exchange, 401, "{\"message\":\"Unauthorized\"}");
            return;
        }
        if (!path.endsWith(CONNECT_CLIENT_KEY_PATH)) {
            answer(exchange, 404, "{\"message\":\"not played here\"}");
            return;
        }
        propertyCalls.incrementAndGet();
        String clientKey = connectClientKeys.get(cloudId);
        if (clientKey == null) {
            answer(exchange, 404, "{\"message\":\"Property with key not found.\",\"statusCode\":404}");
            return;
        }
        answer(exchange, 200, "{\"key\":\"connect_client_key_019cdff3-8bfb-71fe-9628-875b700aebb8\",\"value\":\""
                + clientKey + "\"}");
    }

    private String url(String path) {
        return ForgeKeys.url(server, path);
    }
}
