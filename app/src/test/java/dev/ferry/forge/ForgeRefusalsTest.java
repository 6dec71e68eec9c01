package dev.ferry.forge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.connect.JwtSigner;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.ForgeKeys;
import dev.ferry.support.Http;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Forge Invocation Tokens over real HTTP, as Forge would post a life cycle event: every token that fails a check is
 * a 401 problem naming the check, with Forge Remote's challenge, the token neither echoed nor logged, and nothing
 * stored.
 */
@FerryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ForgeRefusalsTest {

    static final ForgeSide FORGE = ForgeSide.INSTANCE;
    static final String INSTALLATION = "ari:cloud:ecosystem::installation/0f3c9a41-7b1e-4c7e-9d3a-5e2b8c4d6f10";
    static final String CLOUD = "c1a2b3c4-0000-4000-8000-000000000001";
    static final String PATH = "/forge/lifecycle/installed";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;

    @DynamicPropertySource
    static void forge(DynamicPropertyRegistry registry) {
        ForgeSide.register(registry);
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void unsignedAndHs256TokensAreRefused(CapturedOutput output) {
        Map<String, Object> claims = FORGE.claims(INSTALLATION, CLOUD);
        refused(JwtSigner.unsigned(Map.of("alg", "none", "kid", ForgeSide.KID), claims, ""), "alg none is refused", output);
        String publicKey = Base64.getEncoder().encodeToString(FORGE.keys.publicKey().getEncoded());
        refused(JwtSigner.hs256(claims, publicKey), "alg HS256 is refused", output);
    }

    @Test
    void aKeyIdTheJwksDoesNotHoldOrAnotherKeyIsRefused(CapturedOutput output) {
        Map<String, Object> claims = FORGE.claims(INSTALLATION, CLOUD);
        KeyPair stranger = ForgeKeys.rsaPair();
        refused(JwtSigner.rs256(claims, stranger.getPrivate(), "made-up-kid"), "kid names no key of Forge's JWKS", output);
        refused(JwtSigner.rs256(claims, stranger.getPrivate(), ForgeSide.KID), "signature does not verify", output);
    }

    @Test
    void anotherAppsAudienceOrAnotherIssuerIsRefused(CapturedOutput output) {
        refused(bent(claims -> claims.put("aud", "ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000")),
                "the token is for another app", output);
        refused(bent(claims -> claims.put("iss", "someone-else")), "issuer is not forge/invocation-token", output);
    }

    @Test
    void expiredNotYetValidAndOverlongTokensAreRefused(CapturedOutput output) {
        long now = Instant.now().getEpochSecond();
        refused(bent(claims -> claims.put("exp", now - 120)), "the token expired", output);
        refused(bent(claims -> claims.put("nbf", now + 300)), "not valid before", output);
        refused(bent(claims -> claims.put("iat", now + 300)), "issued in the future", output);
        refused(bent(claims -> claims.put("exp", now + 86_400)), "expires too far in the future", output);
    }

    @Test
    void aTamperedPayloadIsRefused(CapturedOutput output) {
        String[] good = FORGE.fit(INSTALLATION, CLOUD).split("\\.");
        Map<String, Object> changed = FORGE.claims(INSTALLATION, CLOUD);
        changed.put("principal", "someone-else");
        String tampered = JwtSigner.unsigned(Map.of("alg", "RS256", "kid", ForgeSide.KID, "typ", "JWT"), changed, good[2]);
        refused(tampered, "signature does not verify", output);
    }

    @Test
    void missingClaimsAreNamed(CapturedOutput output) {
        refused(bent(claims -> app(claims).remove("installationId")), "no app.installationId claim", output);
        refused(bent(claims -> app(claims).remove("apiBaseUrl")), "no app.apiBaseUrl claim", output);
        refused(bent(claims -> context(claims).remove("cloudId")), "no context.cloudId claim", output);
    }

    @Test
    void noTokenOrAnotherSchemeIsRefused() {
        String body = ForgeSide.lifecycleBody("avi:forge:installed:app", INSTALLATION, CLOUD);
        problem(http.post(PATH, body), "carries no Forge Invocation Token");
        problem(http.post(PATH, body, "Authorization", "JWT " + FORGE.fit(INSTALLATION, CLOUD)), "not a Bearer token");
        problem(http.post(PATH, body, "Authorization", "Basic " + Base64.getEncoder().encodeToString("a:b".getBytes())),
                "not a Bearer token");
        assertThat(installations()).isZero();
    }

    private void refused(String token, String check, CapturedOutput output) {
        String systemToken = FORGE.systemToken(Instant.now().plusSeconds(7200));
        HttpResponse<String> response = http.post(PATH, ForgeSide.lifecycleBody("avi:forge:installed:app", INSTALLATION,
                CLOUD), "Authorization", "Bearer " + token, "x-forge-oauth-system", systemToken);
        problem(response, check);
        String payload = token.split("\\.").length > 1 ? token.split("\\.")[1] : token;
        assertThat(response.body()).doesNotContain(token).doesNotContain(payload).doesNotContain(systemToken);
        assertThat(output.getAll()).as("the log").doesNotContain(token).doesNotContain(payload).doesNotContain(systemToken)
                .contains("refused a Forge call to " + PATH);
        assertThat(installations()).as("nothing stored").isZero();
    }

    private static void problem(HttpResponse<String> response, String check) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"ferry-forge\"");
        assertThat(response.body()).contains("\"status\":401").contains(check);
    }

    private int installations() {
        return jdbc.sql("select count(*) from forge_installation").query(Integer.class).single()
                + jdbc.sql("select count(*) from site").query(Integer.class).single();
    }

    private static String bent(Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = FORGE.claims(INSTALLATION, CLOUD);
        change.accept(claims);
        return FORGE.fit(claims);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> app(Map<String, Object> claims) {
        return (HashMap<String, Object>) claims.get("app");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> context(Map<String, Object> claims) {
        return (HashMap<String, Object>) claims.get("context");
    }
}
