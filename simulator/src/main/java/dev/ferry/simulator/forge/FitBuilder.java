package dev.ferry.simulator.forge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Forge Invocation Token about to be signed: starts as the platform would mint it, and can be bent into
 * every bad token a remote must refuse (alg none, HS256 keyed with the public key, unknown kid, another
 * audience, expired, not yet valid, too long, tampered, claims left out).
 */
public final class FitBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final ForgeKeys keys;
    private final ObjectNode claims;
    private String alg = "RS256";
    private String kid;
    private boolean tampered;

    FitBuilder(ForgeKeys keys, ObjectNode claims) {
        this.keys = keys;
        this.claims = claims;
        this.kid = keys.kid();
    }

    public FitBuilder audience(String audience) {
        claims.put("aud", audience);
        return this;
    }

    public FitBuilder issuer(String issuer) {
        claims.put("iss", issuer);
        return this;
    }

    public FitBuilder issuedAt(Instant at) {
        claims.put("iat", at.getEpochSecond());
        return this;
    }

    public FitBuilder notBefore(Instant at) {
        claims.put("nbf", at.getEpochSecond());
        return this;
    }

    public FitBuilder expiresAt(Instant at) {
        claims.put("exp", at.getEpochSecond());
        return this;
    }

    /** exp = iat + lifetime. */
    public FitBuilder lifetime(Duration lifetime) {
        claims.put("exp", claims.path("iat").asLong() + lifetime.toSeconds());
        return this;
    }

    public FitBuilder principal(String accountId) {
        claims.put("principal", accountId);
        return this;
    }

    /** Sets a claim by dotted path ({@code app.installationId}); objects on the way are made as needed. */
    public FitBuilder claim(String path, Object value) {
        String[] parts = path.split("\\.");
        ObjectNode node = claims;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) && node.get(parts[i]).isObject() ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], JSON.valueToTree(value));
        return this;
    }

    /** Leaves a claim out, by dotted path ({@code exp}, {@code app.apiBaseUrl}). */
    public FitBuilder without(String path) {
        String[] parts = path.split("\\.");
        ObjectNode node = claims;
        for (int i = 0; i < parts.length - 1 && node != null; i++) {
            node = node.get(parts[i]) instanceof ObjectNode child ? child : null;
        }
        if (node != null) {
            node.remove(parts[parts.length - 1]);
        }
        return this;
    }

    /** A header naming a key the JWKS does not hold (the signature is still the platform key's). */
    public FitBuilder kid(String kid) {
        this.kid = kid;
        return this;
    }

    /** {@code alg: none} and an empty signature. */
    public FitBuilder algNone() {
        this.alg = "none";
        return this;
    }

    /** The key-confusion attack: HS256 whose HMAC key is the platform's public key (its X.509 DER bytes). */
    public FitBuilder hs256WithPublicKey() {
        this.alg = "HS256";
        return this;
    }

    /** Signs, then changes the payload (the principal or the cloudId), so the signature no longer covers it. */
    public FitBuilder tampered() {
        this.tampered = true;
        return this;
    }

    /** The claims as they stand, for a test to read. */
    public Map<String, Object> claims() {
        return JSON.convertValue(claims, LinkedHashMap.class);
    }

    public String sign() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("typ", "JWT");
        if (kid != null) {
            header.put("kid", kid);
        }
        String input = part(header) + "." + part(claims);
        String token = input + "." + signature(input);
        if (!tampered) {
            return token;
        }
        ObjectNode changed = claims.deepCopy();
        changed.put("principal", "557058:tampered");
        changed.withObject("/context").put("cloudId", "00000000-0000-0000-0000-000000000000");
        String[] pieces = token.split("\\.", -1);
        return pieces[0] + "." + part(changed) + "." + pieces[2];
    }

    private String signature(String input) {
        byte[] data = input.getBytes(StandardCharsets.US_ASCII);
        try {
            return switch (alg) {
                case "none" -> "";
                case "HS256" -> {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(keys.publicKey().getEncoded(), "HmacSHA256"));
                    yield B64.encodeToString(mac.doFinal(data));
                }
                default -> {
                    Signature rsa = Signature.getInstance("SHA256withRSA");
                    rsa.initSign(keys.privateKey());
                    rsa.update(data);
                    yield B64.encodeToString(rsa.sign());
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Object json) {
        try {
            return B64.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
