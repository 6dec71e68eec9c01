package dev.ferry.connect;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Writes compact JWS tokens: HS256 with a shared secret, RS256 with a private key (the simulator's installs). */
public final class JwtSigner {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JwtSigner() {
    }


    public static String hs256(Map<String, ?> claims, String secret) {
        String signingInput = signingInput(Map.of("typ", "JWT", "alg", "HS256"), claims);
        return signingInput + "." + Hs256.base64Url(Hs256.sign(signingInput, secret));
    }

    public static String rs256(Map<String, ?> claims, PrivateKey key, String keyId) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        header.put("alg", "RS256");
        header.put("kid", keyId);
        String signingInput = signingInput(header, claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Hs256.base64Url(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RS256 signing failed", e);
        }
    }

    /** Any header, for tests and tools that must send a token Ferry ought to refuse. */
    public static String unsigned(Map<String, ?> header, Map<String, ?> claims, String signature) {
        return signingInput(header, claims) + "." + signature;
    }

    private static String signingInput(Map<String, ?> header, Map<String, ?> claims) {
        return Hs256.base64Url(JSON.writeValueAsBytes(header)) + "." + Hs256.base64Url(JSON.writeValueAsBytes(claims));
    }
}
