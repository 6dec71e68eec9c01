package dev.ferry.forge;

import dev.ferry.connect.InvalidTokenException;
import dev.ferry.connect.Jwt;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Verifies a Forge Invocation Token (PROTOCOL §8) as strictly as a Connect token: RS256 only, by a key of
 * Atlassian's JWKS named by {@code kid}; issuer {@code forge/invocation-token}; audience this app's ARI; {@code exp}
 * required and not past, {@code nbf} and {@code iat} not ahead, within a small leeway; a lifetime no longer than
 * Forge gives; the claims Ferry acts on present. A refusal names the check and never holds the token.
 */
@Component
public class ForgeInvocationTokens {

    static final String ISSUER = "forge/invocation-token";

    private final ForgeProperties properties;
    private final ForgeJwks jwks;
    private final Clock clock;

    ForgeInvocationTokens(ForgeProperties properties, ForgeJwks jwks, Clock clock) {
        this.properties = properties;
        this.jwks = jwks;
        this.clock = clock;
    }

    /** The invocation the token describes, once every check passed; else {@link InvalidTokenException}. */
    public ForgeInvocation verify(String token) {
        if (properties.appId().isBlank()) {
            throw new InvalidTokenException("Forge is not set up on this Ferry (ferry.forge.app-id is empty)");
        }
        Jwt jwt = Jwt.decode(token);
        if (!jwt.algorithm().equals("RS256")) {
            throw new InvalidTokenException("alg " + jwt.algorithm() + " is refused; Forge signs its tokens RS256");
        }
        String keyId = jwt.keyId().orElseThrow(() -> new InvalidTokenException("the token has no kid header"));
        checkSignature(jwt, keyId);
        if (!jwt.issuer().filter(ISSUER::equals).isPresent()) {
            throw new InvalidTokenException("the token's issuer is not " + ISSUER);
        }
        if (!audiences(jwt.claims().get("aud"), properties.audience())) {
            throw new InvalidTokenException("the token is for another app (aud is not this app's ARI)");
        }
        Instant expiresAt = times(jwt);
        JsonNode app = jwt.claims().path("app");
        JsonNode context = jwt.claims().path("context");
        return new ForgeInvocation(required(app, "id", "app.id"), required(app, "installationId", "app.installationId"),
                apiBase(required(app, "apiBaseUrl", "app.apiBaseUrl")), text(app.path("environment"), "id"),
                text(app.path("module"), "key"), required(context, "cloudId", "context.cloudId"),
                text(context, "siteUrl"), text(jwt.claims(), "principal"), text(jwt.claims(), "jti"), expiresAt,
                idText(context.path("extension").path("issue"), "id"), text(context.path("extension").path("issue"), "key"));
    }

    private void checkSignature(Jwt jwt, String keyId) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(jwks.find(keyId));
            rsa.update(jwt.signingInput().getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(jwt.signature())) {
                throw new InvalidTokenException("the token's signature does not verify");
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidTokenException("the token's signature does not verify");
        }
    }

    private Instant times(Jwt jwt) {
        Instant now = clock.instant();
        Instant expiresAt = jwt.instant("exp").orElseThrow(() -> new InvalidTokenException("the token has no exp claim"));
        if (now.isAfter(expiresAt.plus(properties.leeway()))) {
            throw new InvalidTokenException("the token expired at " + expiresAt);
        }
        if (expiresAt.isAfter(now.plus(properties.maxLifetime()))) {
            throw new InvalidTokenException("the token expires too far in the future (exp " + expiresAt + ")");
        }
        jwt.instant("nbf").filter(notBefore -> notBefore.isAfter(now.plus(properties.leeway()))).ifPresent(notBefore -> {
            throw new InvalidTokenException("the token is not valid before " + notBefore);
        });
        jwt.instant("iat").filter(issued -> issued.isAfter(now.plus(properties.leeway()))).ifPresent(issued -> {
            throw new InvalidTokenException("the token is issued in the future (iat " + issued + ")");
        });
        return expiresAt;
    }

    /** {@code aud} is one string or an array of them (RFC 7519); this app must be among them. */
    private static boolean audiences(JsonNode aud, String expected) {
        if (aud == null) {
            return false;
        }
        if (aud.isString()) {
            return aud.asString().equals(expected);
        }
        for (JsonNode one : aud) {
            if (one.isString() && one.asString().equals(expected)) {
                return true;
            }
        }
        return false;
    }

    private static URI apiBase(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("the token's app.apiBaseUrl is not a URL");
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw new InvalidTokenException("the token's app.apiBaseUrl is not an http(s) URL");
        }
        return uri;
    }

    private static String required(JsonNode node, String field, String claim) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new InvalidTokenException("the token has no " + claim + " claim");
        }
        return value;
    }

    /** Jira writes some ids as numbers and some as strings; either is the same id. */
    private static String idText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isIntegralNumber() ? value.asString() : text(node, field);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }
}
