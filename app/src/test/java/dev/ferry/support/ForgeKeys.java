package dev.ferry.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ferry.connect.JwtSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forge's signing key as the tests play it: an RSA pair under a key id, tokens signed RS256 with it, the JWKS
 * document publishing its public half, and a loopback server answering that JWKS. Every stand-in for Forge builds on
 * this one copy, so Forge's way of publishing keys is written once.
 */
public final class ForgeKeys {

    /** Where Forge's CDN serves its JWKS; the loopback server answers at the same path. */
    public static final String JWKS_PATH = "/.well-known/jwks.json";

    private final String keyId;
    private final KeyPair pair = rsaPair();
    private final AtomicInteger fetches = new AtomicInteger();

    public ForgeKeys(String keyId) {
        this.keyId = keyId;
    }

    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return pair.getPublic();
    }

    /** The claims as a token Forge signed: RS256 with this key, its key id in the header. */
    public String sign(Map<String, ?> claims) {
        return JwtSigner.rs256(claims, pair.getPrivate(), keyId);
    }

    /** {@code {"keys":[{kty, use, alg, kid, n, e}]}} holding this key alone, as Forge's CDN serves it. */
    public String jwks() {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + keyId + "\",\"n\":\""
                + base64.encodeToString(unsigned(key.getModulus().toByteArray())) + "\",\"e\":\""
                + base64.encodeToString(key.getPublicExponent().toByteArray()) + "\"}]}";
    }

    /** A started loopback server answering {@link #JWKS_PATH} with {@link #jwks()}; a harness may add routes to it. */
    public HttpServer publish() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(JWKS_PATH, exchange -> {
            fetches.incrementAndGet();
            answer(exchange, 200, jwks());
        });
        server.start();
        return server;
    }

    /** How often the JWKS was asked for, so a test can see Ferry holding it. */
    public int jwksFetches() {
        return fetches.get();
    }

    /** The address of {@code path} on a loopback server. */
    public static String url(HttpServer server, String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers a JSON body with the status and closes the exchange. */
    public static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A fresh 2048-bit RSA pair: Forge's, or a stranger's that Forge never published. */
    public static KeyPair rsaPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JWK integers are unsigned big-endian: drop the sign byte Java's BigInteger adds. */
    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
