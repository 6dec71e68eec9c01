package dev.ferry.support;

import dev.ferry.connect.CanonicalRequest;
import dev.ferry.connect.JwtSigner;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.env.Environment;

/** The one place tests mint Connect tokens: signed installs, request tokens and context tokens. */
public class Tokens {

    public static final String KID = "test/install-key-1";

    private final String baseUrl;

    Tokens(Environment environment) {
        this.baseUrl = environment.getProperty("ferry.base-url", "http://localhost:8080");
    }

    /** Claims Jira would send for this request, issued now for three minutes; tests then bend them. */
    public Map<String, Object> claims(String issuer, String method, String pathAndQuery) {
        URI uri = URI.create(pathAndQuery);
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("iat", now);
        claims.put("exp", now + 180);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("qsh", CanonicalRequest.of(method, uri.getRawPath(), uri.getRawQuery(), "").qsh());
        return claims;
    }

    /** A signed-install token (RS256) for a lifecycle POST, with the aud Jira would use. */
    public Map<String, Object> installClaims(String clientKey, String path) {
        Map<String, Object> claims = claims(clientKey, "POST", path);
        claims.put("aud", baseUrl);
        return claims;
    }

    public String install(String clientKey, String path) {
        return rs256(installClaims(clientKey, path));
    }

    public String rs256(Map<String, ?> claims) {
        return rs256(claims, KID);
    }

    public String rs256(Map<String, ?> claims, String kid) {
        return JwtSigner.rs256(claims, InstallKeyServer.INSTANCE.keyPair(kid).getPrivate(), kid);
    }

    public String hs256(Map<String, ?> claims, String secret) {
        return JwtSigner.hs256(claims, secret);
    }

    /** A request token for {@code method pathAndQuery} from a site, signed with its shared secret. */
    public String request(String clientKey, String secret, String method, String pathAndQuery) {
        return hs256(claims(clientKey, method, pathAndQuery), secret);
    }

    /** A browser context token ({@code AP.context.getToken()}) for a user of a site. */
    public String context(String clientKey, String secret, String accountId) {
        Map<String, Object> claims = claims(clientKey, "GET", "/");
        claims.put("qsh", "context-qsh");
        claims.put("sub", accountId);
        return hs256(claims, secret);
    }
}
