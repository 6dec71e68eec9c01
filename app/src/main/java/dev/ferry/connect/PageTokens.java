package dev.ferry.connect;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Context tokens Ferry puts into its own iframe pages, so a button on the page can call a context-token
 * endpoint without Atlassian's {@code all.js} (as atlassian-connect-express does): the site's clientKey
 * as {@code iss}, the viewing user as {@code sub}, {@code qsh: context-qsh}, signed with the site's
 * shared secret. The gate checks them like {@code AP.context.getToken()} tokens, so they are bound to
 * that one site and user, and they expire within minutes.
 */
@Component
public class PageTokens {

    private final Clock clock;

    PageTokens(Clock clock) {
        this.clock = clock;
    }

    public String contextToken(String clientKey, String sharedSecret, String accountId, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientKey);
        claims.put("sub", accountId);
        claims.put("iat", now);
        claims.put("exp", now + lifetime.toSeconds());
        claims.put("qsh", SharedSecretVerifier.CONTEXT_QSH);
        return JwtSigner.hs256(claims, sharedSecret);
    }
}
