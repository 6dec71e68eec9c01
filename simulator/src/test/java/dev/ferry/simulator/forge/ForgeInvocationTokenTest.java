package dev.ferry.simulator.forge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.JiraSimulator;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The FITs the simulated platform mints verify with its JWKS, carry Forge's claims, and bend into every bad token. */
class ForgeInvocationTokenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private JiraSimulator jira;
    private FerryStandIn ferry;

    @BeforeEach
    void install() {
        jira = JiraSimulator.start();
        ferry = new FerryStandIn();
        jira.forge().install(ferry.baseUrl(), FerryStandIn.manifest(), FerryStandIn.APP_ID);
    }

    @AfterEach
    void stop() {
        ferry.close();
        jira.close();
    }

    @Test
    void theInstalledEventsTokenVerifiesWithTheJwksAndCarriesForgesClaims() throws Exception {
        String fit = FerryStandIn.fitOf(ferry.requests("/forge/lifecycle/installed").get(0));
        JsonNode header = FerryStandIn.header(fit);

        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(rs256Verifies(fit, jwksKey(header.path("kid").asText()))).isTrue();
        JsonNode claims = FerryStandIn.claims(fit);
        assertThat(claims.path("iss").asText()).isEqualTo("forge/invocation-token");
        assertThat(claims.path("aud").asText()).isEqualTo(FerryStandIn.APP_ID);
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(300);
        assertThat(claims.path("nbf").asLong()).isEqualTo(claims.path("iat").asLong());
        assertThat(claims.path("jti").asText()).isNotBlank();
        assertThat(claims.path("app").path("id").asText()).isEqualTo(FerryStandIn.APP_ID);
        assertThat(claims.path("app").path("installationId").asText()).isEqualTo(jira.forge().installationId())
                .startsWith("ari:cloud:ecosystem::installation/");
        assertThat(claims.path("app").path("apiBaseUrl").asText()).isEqualTo(jira.gatewayUrl() + "/ex/jira/" + jira.cloudId());
        assertThat(claims.path("app").path("environment").path("type").asText()).isEqualTo("DEVELOPMENT");
        assertThat(claims.path("app").path("module").path("key").asText()).isEqualTo("lifecycle-installed-trigger");
        assertThat(claims.path("context").path("cloudId").asText()).isEqualTo(jira.cloudId());
        assertThat(claims.path("context").path("siteUrl").asText()).isEqualTo(jira.baseUrl());
        assertThat(claims.has("principal")).as("events carry no principal").isFalse();
    }

    @Test
    void aUiTokenNamesTheUserAndTheIssue() throws Exception {
        String key = jira.admin().createIssue("FERRY", "Task", "Glance me");
        JsonNode claims = FerryStandIn.claims(jira.forge().fit("ferry-issue-panel", "acc-1", key).sign());

        assertThat(claims.path("principal").asText()).isEqualTo("acc-1");
        assertThat(claims.path("app").path("module").path("type").asText()).isEqualTo("jira:issuePanel");
        assertThat(claims.path("context").path("extension").path("issue").path("key").asText()).isEqualTo(key);
        assertThat(claims.path("context").path("extension").path("project").path("key").asText()).isEqualTo("FERRY");
    }

    @Test
    void theBuilderMakesEachBadTokenARemoteMustRefuse() throws Exception {
        PublicKey key = jwksKey(FerryStandIn.header(jira.forge().fit().sign()).path("kid").asText());

        String none = jira.forge().fit().algNone().sign();
        assertThat(FerryStandIn.header(none).path("alg").asText()).isEqualTo("none");
        assertThat(none).endsWith(".");

        String confused = jira.forge().fit().hs256WithPublicKey().sign();
        assertThat(FerryStandIn.header(confused).path("alg").asText()).isEqualTo("HS256");
        assertThat(hs256Verifies(confused, key.getEncoded())).as("keyed with the public key's bytes").isTrue();

        assertThat(FerryStandIn.header(jira.forge().fit().kid("unknown").sign()).path("kid").asText()).isEqualTo("unknown");
        String tampered = jira.forge().fit().tampered().sign();
        assertThat(rs256Verifies(tampered, key)).isFalse();
        assertThat(FerryStandIn.claims(tampered).path("principal").asText()).isNotBlank();

        JsonNode other = FerryStandIn.claims(jira.forge().fit().audience("ari:cloud:ecosystem::app/other").sign());
        assertThat(other.path("aud").asText()).isEqualTo("ari:cloud:ecosystem::app/other");
        JsonNode long_ = FerryStandIn.claims(jira.forge().fit().lifetime(java.time.Duration.ofHours(2)).sign());
        assertThat(long_.path("exp").asLong() - long_.path("iat").asLong()).isEqualTo(7200);
        JsonNode missing = FerryStandIn.claims(jira.forge().fit().without("exp").without("app.installationId").sign());
        assertThat(missing.has("exp")).isFalse();
        assertThat(missing.path("app").has("installationId")).isFalse();
        assertThat(missing.path("app").has("apiBaseUrl")).isTrue();
        assertThat(rs256Verifies(jira.forge().fit().without("exp").sign(), key)).as("still signed by the platform").isTrue();
    }

    private PublicKey jwksKey(String kid) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(jira.forge().jwksUrl()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jira.forge().jwksUrl()).isEqualTo(jira.baseUrl() + "/forge-platform/jwks.json");
        for (JsonNode jwk : JSON.readTree(response.body()).path("keys")) {
            if (jwk.path("kid").asText().equals(kid)) {
                assertThat(jwk.path("kty").asText()).isEqualTo("RSA");
                assertThat(jwk.path("alg").asText()).isEqualTo("RS256");
                Base64.Decoder b64 = Base64.getUrlDecoder();
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, b64.decode(jwk.path("n").asText())), new BigInteger(1, b64.decode(jwk.path("e").asText()))));
            }
        }
        throw new AssertionError("the JWKS has no key " + kid);
    }

    private static boolean rs256Verifies(String token, PublicKey key) throws Exception {
        String[] parts = token.split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static boolean hs256Verifies(String token, byte[] secret) throws Exception {
        String[] parts = token.split("\\.");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]));
    }
}
