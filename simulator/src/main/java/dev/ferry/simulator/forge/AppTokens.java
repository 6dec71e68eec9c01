package dev.ferry.simulator.forge;

import dev.ferry.simulator.auth.AccessTokens;
import dev.ferry.simulator.auth.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth tokens Forge hands a remote in {@code x-forge-oauth-system} (the app's bot user) and
 * {@code x-forge-oauth-user} (the user of a UI call): JWTs with an {@code exp} the gateway honours (Forge promises
 * at least 55 minutes), carrying the manifest's scopes, all refused once the app is uninstalled.
 */
public final class AppTokens implements AccessTokens {

    /** Forge documents the system token as valid for at least 55 minutes; the simulator gives exactly an hour. */
    public static final Duration LIFETIME = Duration.ofHours(1);

    private final Clock clock;
    private final ForgeKeys keys;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    AppTokens(Clock clock, ForgeKeys keys) {
        this.clock = clock;
        this.keys = keys;
    }

    /** A fresh token of {@code kind} ("system" or "user") for the account, with these scopes. */
    String mint(String kind, String accountId, List<String> scopes, String installationId) {
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "forge/app-token");
        claims.put("sub", accountId);
        claims.put("aud", "api.atlassian.com");
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(LIFETIME).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("scope", String.join(" ", scopes));
        claims.put("installationId", installationId);
        String token = Tokens.rs256(claims, keys.privateKey(), keys.kid());
        grants.put(token, new Grant(kind, accountId, List.copyOf(scopes), now.plus(LIFETIME)));
        return token;
    }

    /** Uninstall: every token of the app stops working at once. */
    void revokeAll() {
        grants.clear();
    }

    /** "system", "user", or empty for a token Forge never issued. */
    Optional<String> kindOf(String token) {
        return Optional.ofNullable(token == null ? null : grants.get(token)).map(Grant::kind);
    }

    @Override
    public Optional<Access> find(String token) {
        Grant grant = grants.get(token);
        if (grant == null || !clock.instant().isBefore(grant.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(new Access(grant.accountId(), grant.scopes(), "forge-" + grant.kind()));
    }

    private record Grant(String kind, String accountId, List<String> scopes, Instant expiresAt) {
    }
}
