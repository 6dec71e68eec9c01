package dev.ferry.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.ferry.connect.InvalidTokenException;
import dev.ferry.connect.JwtSigner;
import dev.ferry.support.ForgeKeys;
import java.net.URI;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forge Invocation Tokens are verified as strictly as Connect's: every refusal names its check, and a token with a
 * made-up key id costs at most one fetch of the JWKS per refresh interval.
 */
class ForgeInvocationTokensTest {

    static final String APP = "ari:cloud:ecosystem::app/6f1c2e4a-1b7d-4c55-9a0e-2f4b8d9e7a31";
    static final Instant NOW = Instant.parse("2026-12-06T20:00:00Z");

    final ForgeKeys forge = new ForgeKeys("forge-key-1");
    final KeyPair stranger = ForgeKeys.rsaPair();
    HttpServer jwksServer;
    ForgeInvocationTokens tokens;

    @BeforeEach
    void atlassianPublishesItsKey() {
        jwksServer = forge.publish();
        ForgeProperties properties = new ForgeProperties(APP, URI.create(ForgeKeys.url(jwksServer, ForgeKeys.JWKS_PATH)),
                Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofMinutes(15));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        tokens = new ForgeInvocationTokens(properties, new ForgeJwks(properties, clock), clock);
    }

    @AfterEach
    void stop() {
        jwksServer.stop(0);
    }

    @Test
    void aTokenForgeSignedForThisAppIsTheInvocationItDescribes() {
        ForgeInvocation invocation = tokens.verify(forge.sign(claims()));

        assertThat(invocation.appId()).isEqualTo(APP);
        assertThat(invocation.installationId()).isEqualTo("ari:cloud:ecosystem::installation/8c1f");
        assertThat(invocation.apiBaseUrl()).hasToString("https://api.atlassian.com/ex/jira/cloud-1");
        assertThat(invocation.cloudId()).isEqualTo("cloud-1");
        assertThat(invocation.siteUrl()).isEqualTo("https://acme.atlassian.net");
        assertThat(invocation.principal()).isEqualTo("5b10ac8d82e05b22cc7d4ef5");
        assertThat(invocation.module()).isEqualTo("ferry-issue-panel");
        assertThat(invocation.expiresAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(tokens.verify(forge.sign(claims()))).isEqualTo(invocation);
        assertThat(forge.jwksFetches()).as("the JWKS is fetched once, then held").isEqualTo(1);
    }

    @Test
    void algNoneAndHs256SignedWithThePublicKeyAreRefused() {
        String none = JwtSigner.unsigned(Map.of("alg", "none", "kid", "forge-key-1"), claims(), "");
        String hs256 = JwtSigner.unsigned(Map.of("alg", "HS256", "kid", "forge-key-1"), claims(), "c2ln");
        String confused = JwtSigner.hs256(claims(),
                Base64.getEncoder().encodeToString(forge.publicKey().getEncoded()));

        refused(none, "alg none is refused");
        refused(hs256, "alg HS256 is refused");
        refused(confused, "alg HS256 is refused");
    }

    @Test
    void aKeyIdTheJwksDoesNotHoldIsRefusedAndFetchesAtMostOncePerInterval() {
        for (int i = 0; i < 50; i++) {
            refused(JwtSigner.rs256(claims(), stranger.getPrivate(), "made-up-" + i), "kid names no key");
        }
        assertThat(forge.jwksFetches()).as("fifty unknown kids, one fetch").isEqualTo(1);
    }

    @Test
    void aTokenSignedByAnotherKeyUnderForgesKidOrTamperedIsRefused() {
        refused(JwtSigner.rs256(claims(), stranger.getPrivate(), "forge-key-1"), "signature does not verify");
        String good = forge.sign(claims());
        String[] parts = good.split("\\.");
        Map<String, Object> changed = claims();
        changed.put("principal", "someone-else");
        String tampered = JwtSigner.unsigned(Map.of("alg", "RS256", "kid", "forge-key-1", "typ", "JWT"), changed,
                parts[2]);
        refused(tampered, "signature does not verify");
    }

    @Test
    void anotherAppsAudienceOrAnotherIssuerIsRefused() {
        Map<String, Object> other = claims();
        other.put("aud", "ari:cloud:ecosystem::app/00000000-0000-0000-0000-000000000000");
        refused(forge.sign(other), "another app");
        Map<String, Object> issuer = claims();
        issuer.put("iss", "someone");
        refused(forge.sign(issuer), "issuer is not forge/invocation-token");
        Map<String, Object> list = claims();
        list.put("aud", List.of("x", APP));
        assertThat(tokens.verify(forge.sign(list)).appId()).isEqualTo(APP);
    }

    @Test
    void expiredFutureAndOverlongTokensAreRefused() {
        Map<String, Object> expired = claims();
        expired.put("exp", NOW.minusSeconds(31).getEpochSecond());
        refused(forge.sign(expired), "expired");
        Map<String, Object> future = claims();
        future.put("nbf", NOW.plusSeconds(60).getEpochSecond());
        refused(forge.sign(future), "not valid before");
        Map<String, Object> issued = claims();
        issued.put("iat", NOW.plusSeconds(60).getEpochSecond());
        refused(forge.sign(issued), "issued in the future");
        Map<String, Object> overlong = claims();
        overlong.put("exp", NOW.plus(Duration.ofDays(1)).getEpochSecond());
        refused(forge.sign(overlong), "too far in the future");
        Map<String, Object> skewed = claims();
        skewed.put("exp", NOW.minusSeconds(20).getEpochSecond());
        assertThat(tokens.verify(forge.sign(skewed))).as("within the leeway").isNotNull();
    }

    @Test
    void missingClaimsAreNamed() {
        Map<String, Object> noExp = claims();
        noExp.remove("exp");
        refused(forge.sign(noExp), "no exp claim");
        Map<String, Object> noInstallation = claims();
        noInstallation.put("app", Map.of("id", APP, "apiBaseUrl", "https://api.atlassian.com/ex/jira/cloud-1"));
        refused(forge.sign(noInstallation), "no app.installationId claim");
        Map<String, Object> noContext = claims();
        noContext.remove("context");
        refused(forge.sign(noContext), "no context.cloudId claim");
        refused(JwtSigner.unsigned(Map.of("alg", "RS256"), claims(), "c2ln"), "no kid header");
    }

    @Test
    void aRefusalNeverHoldsTheToken() {
        String token = JwtSigner.rs256(claims(), stranger.getPrivate(), "forge-key-1");
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidTokenException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token).doesNotContain(token.split("\\.")[1]));
    }

    @Test
    void withoutAnAppIdEveryTokenIsRefused() {
        ForgeProperties unset = new ForgeProperties("", URI.create("http://127.0.0.1:1/"), Duration.ofSeconds(1),
                Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofMinutes(15));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ForgeInvocationTokens notSetUp = new ForgeInvocationTokens(unset, new ForgeJwks(unset, clock), clock);
        assertThatThrownBy(() -> notSetUp.verify(forge.sign(claims())))
                .hasMessageContaining("ferry.forge.app-id is empty");
    }

    private void refused(String token, String check) {
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining(check);
    }

    static Map<String, Object> claims() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", "forge/invocation-token");
        claims.put("aud", APP);
        claims.put("iat", NOW.minusSeconds(5).getEpochSecond());
        claims.put("nbf", NOW.minusSeconds(5).getEpochSecond());
        claims.put("exp", NOW.plusSeconds(300).getEpochSecond());
        claims.put("jti", "jti-1");
        claims.put("principal", "5b10ac8d82e05b22cc7d4ef5");
        claims.put("app", Map.of("id", APP, "installationId", "ari:cloud:ecosystem::installation/8c1f",
                "apiBaseUrl", "https://api.atlassian.com/ex/jira/cloud-1", "environment", Map.of("id", "env-1"),
                "module", Map.of("key", "ferry-issue-panel")));
        claims.put("context", Map.of("cloudId", "cloud-1", "siteUrl", "https://acme.atlassian.net"));
        return claims;
    }
}
