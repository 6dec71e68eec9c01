package dev.ferry.simulator.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** What one simulated site accepts from the app: its current shared secret, API tokens and bearer tokens. */
public final class Credentials {

    private volatile String sharedSecret;
    private volatile String appKey;
    private final Map<String, ApiToken> apiTokens = new ConcurrentHashMap<>();
    private final Map<String, String> bearerAccounts = new ConcurrentHashMap<>();

    /** A fresh install: the old secret stops working at once, as on a real reinstall. */
    public void install(String appKey, String sharedSecret) {
        this.appKey = appKey;
        this.sharedSecret = sharedSecret;
    }

    /** Uninstall or revocation: JWTs signed with any secret are refused from now on. */
    public void revokeSecret() {
        this.sharedSecret = null;
    }

    /** A classic API token that never expires: Basic email:token on the site URL. */
    public void addApiToken(String email, String token) {
        addApiToken(email, token, null);
    }

    /** A classic API token that Jira refuses from {@code expiresAt} on (Atlassian tokens last at most a year). */
    public void addApiToken(String email, String token, Instant expiresAt) {
        apiTokens.put(token, new ApiToken(email, expiresAt, false));
    }

    /**
     * A scoped API token: Basic email:token, but only through the API gateway
     * ({@code /ex/jira/{cloudId}/...}); the site URL refuses it, as Atlassian does.
     */
    public void addScopedApiToken(String email, String token, Instant expiresAt) {
        apiTokens.put(token, new ApiToken(email, expiresAt, true));
    }

    public void addBearerToken(String token, String accountId) {
        bearerAccounts.put(token, accountId);
    }

    /** Revokes every API token of the user, as "Revoke all" on id.atlassian.com does. */
    public void revokeApiToken(String email) {
        apiTokens.values().removeIf(token -> token.email().equals(email));
    }

    /** Revokes one API token; the user's others keep working. */
    public void revokeApiToken(String email, String token) {
        apiTokens.computeIfPresent(token, (value, known) -> known.email().equals(email) ? null : known);
    }

    public Optional<String> sharedSecret() {
        return Optional.ofNullable(sharedSecret);
    }

    public Optional<String> appKey() {
        return Optional.ofNullable(appKey);
    }

    Optional<ApiToken> apiToken(String email, String token) {
        return Optional.ofNullable(apiTokens.get(token)).filter(known -> known.email().equals(email));
    }

    Optional<String> bearerAccount(String token) {
        return Optional.ofNullable(bearerAccounts.get(token));
    }

    /** One API token: whose it is, when it stops working (null: never), and whether it is a scoped one. */
    record ApiToken(String email, Instant expiresAt, boolean scoped) {

        boolean expiredAt(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }
    }
}
