package dev.ferry.simulator.forge;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The platform's RSA key that signs invocation tokens, and the JWKS document that publishes its public half. */
final class ForgeKeys {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String kid;

    ForgeKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.kid = "forge/simulator/" + UUID.randomUUID();
    }

    String kid() {
        return kid;
    }

    PrivateKey privateKey() {
        return keys.getPrivate();
    }

    RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }

    /** {@code {"keys":[{kty, kid, use, alg, n, e}]}}, as Forge's CDN serves its JWKS. */
    String jwksJson() {
        Map<String, Object> key = Map.of("kty", "RSA", "kid", kid, "use", "sig", "alg", "RS256",
                "n", B64.encodeToString(unsigned(publicKey().getModulus().toByteArray())),
                "e", B64.encodeToString(unsigned(publicKey().getPublicExponent().toByteArray())));
        try {
            return new ObjectMapper().writeValueAsString(Map.of("keys", List.of(key)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JWK integers are unsigned big-endian: drop the sign byte Java's BigInteger adds. */
    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
