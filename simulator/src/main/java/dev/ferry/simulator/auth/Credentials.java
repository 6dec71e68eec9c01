package dev.ferry.simulator.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** What one simulated site accepts from the app: its current shared secret, API tokens and bearer tokens. */
public final class Credentials {

    private volatile String sharedSecret;
    private volatile String appKey;
    private final Map<String, String> apiTokensByEmail = new ConcurrentHashMap<>();
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

    public void addApiToken(String email, String token) {
        apiTokensByEmail.put(email, token);
    }

    public void addBearerToken(String token, String accountId) {
        bearerAccounts.put(token, accountId);
    }

    public void revokeApiToken(String email) {
        apiTokensByEmail.remove(email);
    }

    public Optional<String> sharedSecret() {
        return Optional.ofNullable(sharedSecret);
    }

    public Optional<String> appKey() {
        return Optional.ofNullable(appKey);
    }

    Optional<String> apiToken(String email) {
        return Optional.ofNullable(apiTokensByEmail.get(email));
    }

    Optional<String> bearerAccount(String token) {
        return Optional.ofNullable(bearerAccounts.get(token));
    }
}
