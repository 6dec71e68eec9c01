package dev.ferry.simulator.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Compact JWS tokens the way Jira writes and reads them: HS256 with a shared secret, RS256 for signed installs. */
public final class Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    public static String hs256(Map<String, ?> claims, String secret) {
        String input = input(header("HS256", null), claims);
        return input + "." + B64.encodeToString(hmac(input, secret));
    }

    public static String rs256(Map<String, ?> claims, PrivateKey key, String kid) {
        String input = input(header("RS256", kid), claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RS256 signing failed", e);
        }
    }

    /** The header, decoded without any check. */
    public static JsonNode header(String token) {
        return part(token, 0);
    }

    /** The claims, decoded without any check: Jira too reads {@code iss} first to find the secret. */
    public static JsonNode claims(String token) {
        return part(token, 1);
    }

    /** True when the token is HS256 and its signature matches the secret (constant-time compare). */
    public static boolean verifiesHs256(String token, String secret) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !"HS256".equals(header(token).path("alg").asText())) {
            return false;
        }
        byte[] expected = hmac(parts[0] + "." + parts[1], secret);
        try {
            return MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]));
        } catch (IllegalArgumentException badBase64) {
            return false;
        }
    }

    private static Map<String, Object> header(String alg, String kid) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        header.put("alg", alg);
        if (kid != null) {
            header.put("kid", kid);
        }
        return header;
    }

    private static JsonNode part(String token, int index) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS token");
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[index]));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("unreadable token part", e);
        }
    }

    private static String input(Map<String, ?> header, Map<String, ?> claims) {
        try {
            return B64.encodeToString(JSON.writeValueAsBytes(header)) + "." + B64.encodeToString(JSON.writeValueAsBytes(claims));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String input, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
