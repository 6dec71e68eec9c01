package dev.ferry.simulator.oauth;

import dev.ferry.simulator.auth.AccessTokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated auth.atlassian.com: the clients a test registers, the consents users give them, and the
 * codes, access tokens and rotating refresh tokens that follow. Its HTTP side is {@link OAuthEndpoint}.
 */
public final class OAuthServer {

    /** Atlassian's access tokens last an hour. */
    static final Duration DEFAULT_ACCESS_LIFETIME = Duration.ofHours(1);
    /** How long an authorization code may wait for its exchange. */
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Access> accessTokens = new ConcurrentHashMap<>();
    private final java.util.Set<String> issued = ConcurrentHashMap.newKeySet();
    final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private volatile Duration accessLifetime = DEFAULT_ACCESS_LIFETIME;
    private volatile String consentingAccountId;
    private volatile boolean coversNoSite;

    public OAuthServer(Clock clock, String consentingAccountId) {
        this.clock = clock;
        this.consentingAccountId = consentingAccountId;
    }

    /** An OAuth 2.0 (3LO) app as the developer console creates it, with its one callback URL. */
    public void registerClient(String clientId, String clientSecret, String redirectUri) {
        clients.put(clientId, new Client(clientId, clientSecret, redirectUri));
    }

    /** Who clicks Accept on the consent page from now on (at first the site admin). */
    public void consentAs(String accountId) {
        this.consentingAccountId = accountId;
    }

    /**
     * From now on accessible-resources lists no site (an account with access to none of the app's sites), or,
     * with false, the simulated site again.
     */
    public void coverNoSite(boolean none) {
        this.coversNoSite = none;
    }

    boolean coversNoSite() {
        return coversNoSite;
    }

    /** How long access tokens issued from now on last (Atlassian: one hour). */
    public void accessTokenLifetime(Duration lifetime) {
        this.accessLifetime = lifetime;
    }

    /** The user removes the app from their profile: its refresh and access tokens stop working at once. */
    public void revoke(String clientId, String accountId) {
        grants.values().stream().filter(grant -> grant.clientId.equals(clientId) && grant.accountId.equals(accountId))
                .forEach(Grant::revoke);
    }

    /** Every user's consent to the client is revoked. */
    public void revoke(String clientId) {
        grants.values().stream().filter(grant -> grant.clientId.equals(clientId)).forEach(Grant::revoke);
    }

    /** Every access and refresh token handed out so far, spent or not: what a test scans Ferry's output for. */
    public java.util.Set<String> issuedTokens() {
        return java.util.Set.copyOf(issued);
    }

    /** The account and scopes behind a valid access token; empty once it expired or its grant was revoked. */
    public Optional<AccessTokens.Access> find(String accessToken) {
        return grantOf(accessToken).map(grant -> new AccessTokens.Access(grant.accountId, grant.scopes));
    }

    Optional<Grant> grantOf(String accessToken) {
        Access access = accessTokens.get(accessToken);
        if (access == null || !clock.instant().isBefore(access.expiresAt()) || access.grant().revoked()) {
            return Optional.empty();
        }
        return Optional.of(access.grant());
    }

    Optional<Client> client(String clientId) {
        return Optional.ofNullable(clientId).map(clients::get);
    }

    String consentingAccountId() {
        return consentingAccountId;
    }

    /**
     * An access token of a grant {@code accountId} gave {@code clientId} for {@code scopes}, as if the account
     * had consented and the code had been exchanged: for tests of what a working grant can do, without the
     * browser round trip.
     */
    public String grantedAccessToken(String clientId, String accountId, List<String> scopes) {
        Grant grant = new Grant(clientId, accountId, scopes);
        grants.put(random(), grant);
        return tokens(grant).accessToken();
    }

    /** A single-use code for the consenting user's grant of {@code scopes} to the client. */
    String issueCode(Client client, String redirectUri, List<String> scopes) {
        String code = random();
        codes.put(code, new Code(client.id(), redirectUri, consentingAccountId, scopes, clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /** Takes the code out (a code works once), if it is the client's, for this redirect URI, and fresh. */
    Optional<Grant> redeem(String code, Client client, String redirectUri) {
        Code issued = code == null ? null : codes.remove(code);
        if (issued == null || !issued.clientId().equals(client.id()) || !issued.redirectUri().equals(redirectUri)
                || !clock.instant().isBefore(issued.expiresAt())) {
            return Optional.empty();
        }
        Grant grant = new Grant(client.id(), issued.accountId(), issued.scopes());
        grants.put(random(), grant);
        return Optional.of(grant);
    }

    Optional<Grant> refreshable(String refreshToken, Client client) {
        Instant now = clock.instant();
        return grants.values().stream()
                .filter(grant -> grant.clientId.equals(client.id()) && grant.refreshesWith(refreshToken, now)).findFirst();
    }

    /** Atlassian's token answer: a new access token, and a rotated refresh token for an offline grant. */
    TokenAnswer tokens(Grant grant) {
        String access = random();
        accessTokens.put(access, new Access(grant, clock.instant().plus(accessLifetime)));
        String refresh = grant.offline() ? grant.rotate(clock.instant()) : null;
        issued.add(access);
        if (refresh != null) {
            issued.add(refresh);
        }
        return new TokenAnswer(access, accessLifetime.toSeconds(), String.join(" ", grant.scopes), refresh);
    }

    static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A registered app. */
    record Client(String id, String secret, String redirectUri) {
    }

    private record Code(String clientId, String redirectUri, String accountId, List<String> scopes, Instant expiresAt) {
    }

    private record Access(Grant grant, Instant expiresAt) {
    }

    /** What {@code POST /oauth/token} answers on success; {@code refreshToken} is null without offline_access. */
    record TokenAnswer(String accessToken, long expiresIn, String scope, String refreshToken) {
    }
}
