package dev.ferry.connect;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A compact JWS split into its parts. Nothing here is trusted until a verifier has checked the
 * signature; {@link #issuer()} is read unverified only to find whose key to check it with.
 */
public record Jwt(String token, JsonNode header, JsonNode claims, String signingInput, byte[] signature) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_TOKEN_LENGTH = 8 * 1024;

    public static Jwt decode(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("no token");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException("the token is too long");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("the token is not a signed JWT (expected three parts)");
        }
        JsonNode header = json(parts[0], "header");
        JsonNode claims = json(parts[1], "claims");
        return new Jwt(token, header, claims, parts[0] + "." + parts[1], bytes(parts[2], "signature"));
    }

    public String algorithm() {
        return text(header, "alg").orElse("");
    }

    public Optional<String> keyId() {
        return text(header, "kid");
    }

    public Optional<String> issuer() {
        return text(claims, "iss");
    }

    Optional<String> qsh() {
        return text(claims, "qsh");
    }

    Optional<String> subject() {
        return text(claims, "sub");
    }

    public Optional<Instant> instant(String claim) {
        JsonNode value = claims.get(claim);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw new InvalidTokenException("claim " + claim + " is not a number of seconds");
        }
        return Optional.of(Instant.ofEpochSecond(value.asLong()));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }

    private static JsonNode json(String part, String what) {
        try {
            JsonNode node = JSON.readTree(bytes(part, what));
            if (node == null || !node.isObject()) {
                throw new InvalidTokenException("the token " + what + " is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new InvalidTokenException("the token " + what + " is not valid JSON");
        }
    }

    private static byte[] bytes(String part, String what) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("the token " + what + " is not base64url");
        }
    }
}
