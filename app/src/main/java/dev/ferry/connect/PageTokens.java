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
 * that one site and user (and, for the issue panel, one issue), and they expire within minutes.
 */
@Component
public class PageTokens {

    private final Clock clock;

    PageTokens(Clock clock) {
        this.clock = clock;
    }

    public String contextToken(String clientKey, String sharedSecret, String accountId, Duration lifetime) {
        return JwtSigner.hs256(claims(clientKey, accountId, lifetime), sharedSecret);
    }

    /**
     * A context token bound to one issue as well, in the claim Jira's own context tokens use
     * ({@code context.jira.issue}), so an action taken with it can be held to that issue's links.
     */
    public String issueContextToken(String clientKey, String sharedSecret, String accountId, Duration lifetime,
            String issueId, String issueKey) {
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("id", issueId);
        if (issueKey != null) {
            issue.put("key", issueKey);
        }
        Map<String, Object> claims = claims(clientKey, accountId, lifetime);
        claims.put("context", Map.of("jira", Map.of("issue", issue)));
        return JwtSigner.hs256(claims, sharedSecret);
    }

    private Map<String, Object> claims(String clientKey, String accountId, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientKey);
        claims.put("sub", accountId);
        claims.put("iat", now);
        claims.put("exp", now + lifetime.toSeconds());
        claims.put("qsh", SharedSecretVerifier.CONTEXT_QSH);
        return claims;
    }
}
