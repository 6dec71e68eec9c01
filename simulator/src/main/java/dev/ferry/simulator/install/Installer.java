package dev.ferry.simulator.install;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.app.AppClient;
import dev.ferry.simulator.app.Descriptor;
import dev.ferry.simulator.auth.Canonical;
import dev.ferry.simulator.auth.Tokens;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends the lifecycle callbacks of one site: {@code installed} and {@code uninstalled} signed RS256 with
 * the install key (aud = the app's base URL), {@code enabled} and {@code disabled} HS256 with the secret.
 */
public final class Installer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    static final long INSTALL_TOKEN_SECONDS = 180;

    private final InstallKeyPair keys;
    private final AppClient app;
    private final Clock clock;

    public Installer(InstallKeyPair keys, AppClient app, Clock clock) {
        this.keys = keys;
        this.app = app;
        this.clock = clock;
    }

    /** A fresh shared secret, as Jira makes one on every install (Jira's are 43+ characters). */
    public static String freshSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public AppClient.Reply installed(Descriptor descriptor, SiteIdentity site, String sharedSecret) {
        return signedInstall("installed", descriptor, site, sharedSecret);
    }

    public AppClient.Reply uninstalled(Descriptor descriptor, SiteIdentity site) {
        return signedInstall("uninstalled", descriptor, site, null);
    }

    public AppClient.Reply enabled(Descriptor descriptor, SiteIdentity site, String sharedSecret) {
        return sharedSecretCallback("enabled", descriptor, site, sharedSecret);
    }

    public AppClient.Reply disabled(Descriptor descriptor, SiteIdentity site, String sharedSecret) {
        return sharedSecretCallback("disabled", descriptor, site, sharedSecret);
    }

    private AppClient.Reply signedInstall(String event, Descriptor descriptor, SiteIdentity site, String secret) {
        String url = url(descriptor, event);
        Map<String, Object> claims = claims(site, descriptor, url);
        claims.put("aud", descriptor.baseUrl());
        // Signed installs are ASAP tokens, which always carry a unique jti: two installs in one second differ.
        claims.put("jti", java.util.UUID.randomUUID().toString());
        String token = Tokens.rs256(claims, keys.privateKey(), keys.kid());
        return post(url, LifecycleBodies.of(event, descriptor.key(), site, secret), token);
    }

    private AppClient.Reply sharedSecretCallback(String event, Descriptor descriptor, SiteIdentity site, String secret) {
        String url = url(descriptor, event);
        String token = Tokens.hs256(claims(site, descriptor, url), secret);
        return post(url, LifecycleBodies.of(event, descriptor.key(), site, null), token);
    }

    private Map<String, Object> claims(SiteIdentity site, Descriptor descriptor, String url) {
        URI uri = URI.create(url);
        String appBasePath = URI.create(descriptor.baseUrl()).getRawPath();
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", site.clientKey());
        claims.put("iat", now);
        claims.put("exp", now + INSTALL_TOKEN_SECONDS);
        claims.put("qsh", Canonical.qsh("POST", uri.getRawPath(), uri.getRawQuery(), appBasePath));
        return claims;
    }

    private static String url(Descriptor descriptor, String event) {
        return descriptor.lifecycleUrl(event)
                .orElseThrow(() -> new IllegalStateException("the descriptor has no " + event + " lifecycle URL"));
    }

    private AppClient.Reply post(String url, Map<String, Object> body, String token) {
        try {
            return app.postJson(url, JSON.writeValueAsString(body), Map.of("Authorization", "JWT " + token));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
