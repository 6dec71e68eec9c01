package dev.ferry.forge;

import dev.ferry.connect.InvalidTokenException;
import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The keys that sign Forge Invocation Tokens, from Atlassian's JWKS (a setting, never the request). Kept in memory
 * by {@code kid}; a token naming a key Ferry does not hold makes it fetch the JWKS again (Atlassian rotates keys),
 * but at most once per {@code jwks-refresh}: tokens with made-up key ids cannot turn into a storm of fetches.
 */
@Component
class ForgeJwks {

    private static final Logger log = LoggerFactory.getLogger(ForgeJwks.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_KEYS = 100;

    private final ForgeProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private volatile Map<String, PublicKey> keys = Map.of();
    private Instant lastFetch = Instant.MIN;

    ForgeJwks(ForgeProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.jwksTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    PublicKey find(String keyId) {
        PublicKey key = keys.get(keyId);
        if (key != null) {
            return key;
        }
        synchronized (this) {
            key = keys.get(keyId);
            if (key == null && !clock.instant().isBefore(lastFetch.plus(properties.jwksRefresh()))) {
                lastFetch = clock.instant();
                keys = fetch();
                key = keys.get(keyId);
            }
        }
        if (key == null) {
            throw new InvalidTokenException("the token's kid names no key of Forge's JWKS");
        }
        return key;
    }

    private Map<String, PublicKey> fetch() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(properties.jwksUrl())
                    .timeout(properties.jwksTimeout()).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("Forge's JWKS at {} answered HTTP {}; keeping the keys held", properties.jwksUrl(),
                        response.statusCode());
                return keys;
            }
            return parse(JSON.readTree(response.body()));
        } catch (IOException | RuntimeException e) {
            log.warn("Forge's JWKS at {} could not be read ({}); keeping the keys held", properties.jwksUrl(), e.toString());
            return keys;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return keys;
        }
    }

    /** The RSA signing keys of a JWKS document, by kid; any other key is left out. */
    static Map<String, PublicKey> parse(JsonNode jwks) {
        Map<String, PublicKey> parsed = new HashMap<>();
        for (JsonNode key : jwks.path("keys")) {
            String kid = key.path("kid").asString("");
            if (kid.isEmpty() || !"RSA".equals(key.path("kty").asString("")) || parsed.size() >= MAX_KEYS
                    || !key.path("use").asString("sig").equals("sig")) {
                continue;
            }
            try {
                Base64.Decoder base64 = Base64.getUrlDecoder();
                RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, base64.decode(key.path("n").asString(""))),
                        new BigInteger(1, base64.decode(key.path("e").asString(""))));
                parsed.put(kid, KeyFactory.getInstance("RSA").generatePublic(spec));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                log.warn("Forge's JWKS holds an unreadable RSA key {}: {}", kid, e.toString());
            }
        }
        return Map.copyOf(parsed);
    }
}
