package dev.ferry.connect;

import dev.ferry.FerryProperties;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Verifies signed installs (RS256, PROTOCOL §3): alg, kid, signature by an install key, times, audience
 * and qsh. That {@code iss} names the body's clientKey is checked where the body is read.
 */
@Component
class InstallTokenVerifier {

    private final InstallKeys keys;
    private final List<String> audiences = new ArrayList<>();
    private final Clock clock;

    InstallTokenVerifier(InstallKeys keys, FerryProperties ferry, ConnectProperties connect, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        audiences.add(ferry.baseUrlText());
        connect.allowedBaseUrls().forEach(url -> audiences.add(withoutTrailingSlash(url.toString())));
    }

    VerifiedToken verify(String token, CanonicalRequest request) {
        Jwt jwt = Jwt.decode(token);
        if (!jwt.algorithm().equals("RS256")) {
            throw new InvalidTokenException("alg " + jwt.algorithm() + " is refused; installs must be signed RS256");
        }
        String keyId = jwt.keyId().orElseThrow(() -> new InvalidTokenException("the token has no kid header"));
        checkSignature(jwt, keys.find(keyId));
        var expiresAt = TokenTimes.check(jwt, clock);
        checkAudience(jwt.claims().get("aud"));
        String qsh = jwt.qsh().orElseThrow(() -> new InvalidTokenException("the token has no qsh claim"));
        if (!qsh.equals(request.qsh())) {
            throw new InvalidTokenException("the qsh does not match this request (" + request.method() + " "
                    + request.path() + ")");
        }
        String issuer = jwt.issuer().orElseThrow(() -> new InvalidTokenException("the token has no iss claim"));
        var principal = new ConnectPrincipal(issuer, java.util.Optional.empty(), false);
        return new VerifiedToken(principal, token, expiresAt);
    }

    private static void checkSignature(Jwt jwt, java.security.PublicKey key) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(jwt.signingInput().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            if (!rsa.verify(jwt.signature())) {
                throw new InvalidTokenException("the signature does not match the install key");
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidTokenException("the signature does not match the install key");
        }
    }

    private void checkAudience(JsonNode aud) {
        List<String> claimed = new ArrayList<>();
        if (aud != null && aud.isString()) {
            claimed.add(aud.asString());
        } else if (aud != null && aud.isArray()) {
            aud.forEach(value -> claimed.add(value.asString()));
        }
        if (claimed.stream().map(InstallTokenVerifier::withoutTrailingSlash).noneMatch(audiences::contains)) {
            throw new InvalidTokenException("the aud claim does not name this app's base URL");
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
