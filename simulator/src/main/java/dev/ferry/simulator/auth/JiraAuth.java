package dev.ferry.simulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * The checks Jira makes on every call the app sends: a Connect JWT (HS256 with the site's current
 * secret, iss = the app key, qsh of this exact request, at most three minutes long), Basic email:token,
 * or a Bearer token. Anything else is a 401, as Jira answers it. Through the API gateway only scoped API
 * tokens and OAuth access tokens work; on the site URL only the app's JWT, classic API tokens and bearer
 * tokens added with {@link Credentials#addBearerToken}.
 */
public final class JiraAuth {

    static final long MAX_LIFETIME_SECONDS = 180;
    static final long LEEWAY_SECONDS = 30;

    /** What Jira answers whatever is wrong with Basic credentials (unknown, revoked or expired): it tells no more. */
    static final String NOT_AUTHENTICATED = "Client must be authenticated to access this resource.";

    private final Credentials credentials;
    private final Clock clock;
    private final AccessTokens accessTokens;
    private volatile Duration offset = Duration.ZERO;

    public JiraAuth(Credentials credentials, Clock clock) {
        this(credentials, clock, AccessTokens.NONE);
    }

    public JiraAuth(Credentials credentials, Clock clock, AccessTokens accessTokens) {
        this.credentials = credentials;
        this.clock = clock;
        this.accessTokens = accessTokens;
    }

    /**
     * How far the site's clock is from the app's: a positive offset is a site ahead of the app (the app's
     * clock is slow, its tokens look expired), a negative one a site behind it (the app's clock is fast,
     * its tokens look issued in the future).
     */
    public void clockOffset(Duration offset) {
        this.offset = offset;
    }

    /**
     * @param basePath the site base path stripped before hashing: "/wiki" for Confluence calls, else ""
     */
    public Verdict check(String method, String rawPath, String rawQuery, String authorization, String basePath) {
        return check(method, rawPath, rawQuery, authorization, basePath, false);
    }

    /** @param viaGateway whether the call came through the API gateway ({@code /ex/jira/{cloudId}/...}) */
    public Verdict check(String method, String rawPath, String rawQuery, String authorization, String basePath,
            boolean viaGateway) {
        if (authorization == null || authorization.isBlank()) {
            return Verdict.refused(NOT_AUTHENTICATED);
        }
        if (authorization.startsWith("JWT ")) {
            return viaGateway ? Verdict.refused("A Connect JWT is not accepted by the API gateway.")
                    : connect(authorization.substring(4).trim(), Canonical.qsh(method, rawPath, rawQuery, basePath));
        }
        if (authorization.startsWith("Basic ")) {
            return basic(authorization.substring(6).trim(), viaGateway);
        }
        if (authorization.startsWith("Bearer ")) {
            String token = authorization.substring(7).trim();
            return viaGateway ? oauth(token, method, rawPath) : credentials.bearerAccount(token)
                    .map(account -> Verdict.accepted("bearer", account))
                    .orElse(Verdict.refused("The bearer token is not valid for this site."));
        }
        return Verdict.refused("Unsupported authorization scheme.");
    }

    private Verdict oauth(String token, String method, String sitePath) {
        return accessTokens.find(token)
                .map(access -> Scopes.cover(access.scopes(), method, sitePath) ? Verdict.accepted(access.authKind(), access.accountId())
                        : Verdict.refused(Scopes.MISMATCH))
                .orElse(Verdict.refused("The bearer token is not valid for this site."));
    }

    private Verdict connect(String token, String expectedQsh) {
        JsonNode claims;
        try {
            claims = Tokens.claims(token);
        } catch (IllegalArgumentException e) {
            return Verdict.refused("Could not parse the JWT.");
        }
        String secret = credentials.sharedSecret().orElse(null);
        if (secret == null || !Tokens.verifiesHs256(token, secret)) {
            return Verdict.refused("JWT signature does not match the shared secret of an installed app.");
        }
        if (!credentials.appKey().map(key -> key.equals(claims.path("iss").asText())).orElse(false)) {
            return Verdict.refused("JWT iss is not the key of the app installed on this site.");
        }
        String timeProblem = timeProblem(claims);
        if (timeProblem != null) {
            return Verdict.refused(timeProblem);
        }
        if (!expectedQsh.equals(claims.path("qsh").asText())) {
            return Verdict.refused("JWT qsh does not match the request.");
        }
        return Verdict.accepted("connect", claims.path("iss").asText());
    }

    /** Jira's JWT library words its time refusals like this (atlassian-jwt's JwtExpiredException, JwtTooEarlyException). */
    private String timeProblem(JsonNode claims) {
        if (!claims.path("iat").canConvertToLong() || !claims.path("exp").canConvertToLong()) {
            return "JWT needs iat and exp.";
        }
        Instant now = clock.instant().plus(offset);
        long iat = claims.path("iat").asLong();
        long exp = claims.path("exp").asLong();
        long notBefore = claims.path("nbf").canConvertToLong() ? claims.path("nbf").asLong() : iat;
        if (exp < now.getEpochSecond() - LEEWAY_SECONDS) {
            return String.format("Expired at %s and time is now %s (%d seconds leeway is allowed)",
                    Date.from(Instant.ofEpochSecond(exp)), Date.from(now), LEEWAY_SECONDS);
        }
        if (notBefore > now.getEpochSecond() + LEEWAY_SECONDS) {
            return String.format("Not-before time is %s and time is now %s (%d leeway seconds is allowed)",
                    Date.from(Instant.ofEpochSecond(notBefore)), Date.from(now), LEEWAY_SECONDS);
        }
        if (exp - iat > MAX_LIFETIME_SECONDS) {
            return "JWT lifetime is longer than Jira allows (exp must be at most iat + 180 s).";
        }
        return null;
    }

    private Verdict basic(String encoded, boolean viaGateway) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Verdict.refused("Basic credentials are not base64.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Verdict.refused("Basic credentials need email:token.");
        }
        String email = decoded.substring(0, colon);
        String token = decoded.substring(colon + 1);
        boolean ok = credentials.apiToken(email, token)
                .filter(known -> known.scoped() == viaGateway && !known.expiredAt(clock.instant())).isPresent();
        return ok ? Verdict.accepted("basic", email) : Verdict.refused(NOT_AUTHENTICATED);
    }

    /**
     * The outcome of the check.
     *
     * @param kind    connect, basic or bearer when accepted
     * @param subject the app key behind a Connect JWT, the email behind Basic credentials, the accountId behind a
     *                Bearer token
     */
    public record Verdict(boolean accepted, String kind, String subject, String reason) {

        static Verdict accepted(String kind, String subject) {
            return new Verdict(true, kind, subject, null);
        }

        static Verdict refused(String reason) {
            return new Verdict(false, null, null, reason);
        }
    }
}
