package dev.ferry.simulator.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One user's consent to one client: its scopes and the one refresh token that works now. Atlassian rotates
 * refresh tokens: each use returns a new one and disables the one used.
 */
final class Grant {

    /** Atlassian disables a rotating refresh token left unused this long. */
    static final Duration REFRESH_INACTIVITY = Duration.ofDays(90);

    final String clientId;
    final String accountId;
    final List<String> scopes;
    private String refreshToken;
    private Instant refreshIssuedAt;
    private boolean revoked;

    Grant(String clientId, String accountId, List<String> scopes) {
        this.clientId = clientId;
        this.accountId = accountId;
        this.scopes = List.copyOf(scopes);
    }

    /** Only with {@code offline_access} does Atlassian hand out refresh tokens at all. */
    boolean offline() {
        return scopes.contains("offline_access");
    }

    /** A new refresh token; the previous one stops working. */
    synchronized String rotate(Instant now) {
        refreshToken = OAuthServer.random();
        refreshIssuedAt = now;
        return refreshToken;
    }

    synchronized boolean refreshesWith(String token, Instant now) {
        return !revoked && refreshToken != null && refreshToken.equals(token)
                && now.isBefore(refreshIssuedAt.plus(REFRESH_INACTIVITY));
    }

    synchronized void revoke() {
        revoked = true;
    }

    synchronized boolean revoked() {
        return revoked;
    }
}
