package dev.ferry.support;

import com.sun.net.httpserver.HttpServer;
import dev.ferry.connect.InvalidTokenException;
import dev.ferry.forge.ForgeAdmission;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.MapPropertySource;

/**
 * Forge as Ferry's remote sees it, for tests that need no simulated Forge: an RSA key and its JWKS on loopback,
 * Forge Invocation Tokens signed with it, and the installations Ferry is told about (installation id → site key),
 * standing in for the installations forge-core keeps behind {@link ForgeAdmission}.
 */
public final class FakeForge {

    public static final FakeForge INSTANCE = new FakeForge();
    public static final String APP_ID = "ari:cloud:ecosystem::app/6f1c2e4a-1b7d-4c55-9a0e-2f4b8d9e7a31";
    static final String KEY_ID = "fake-forge-key";

    private final ForgeKeys key = new ForgeKeys(KEY_ID);
    private final HttpServer jwks = key.publish();
    private final Map<String, String> sites = new ConcurrentHashMap<>();

    private FakeForge() {
    }

    /** Ferry now knows {@code installationId} serves the site {@code siteKey}; null: installed, site unknown. */
    public void install(String installationId, String siteKey) {
        sites.put(installationId, siteKey == null ? "" : siteKey);
    }

    /** A token for a call of this installation, as Forge signs it; refine it with the builder's methods. */
    public Fit fit(String installationId) {
        return new Fit(installationId);
    }

    /** The claims of one Forge Invocation Token. */
    public final class Fit {

        private final Map<String, Object> claims = new HashMap<>();
        private final Map<String, Object> context = new HashMap<>();

        private Fit(String installationId) {
            Instant now = Instant.now();
            claims.put("iss", "forge/invocation-token");
            claims.put("aud", APP_ID);
            claims.put("iat", now.minusSeconds(2).getEpochSecond());
            claims.put("nbf", now.minusSeconds(2).getEpochSecond());
            claims.put("exp", now.plusSeconds(300).getEpochSecond());
            claims.put("jti", "jti-" + now.toEpochMilli());
            claims.put("app", Map.of("id", APP_ID, "installationId", installationId,
                    "apiBaseUrl", "https://api.atlassian.com/ex/jira/cloud-1", "environment", Map.of("id", "env-1"),
                    "module", Map.of("key", "ferry-issue-panel")));
            context.put("cloudId", "cloud-1");
            context.put("siteUrl", "https://acme.atlassian.net");
            claims.put("context", context);
        }

        /** A UI call by this user. */
        public Fit principal(String accountId) {
            claims.put("principal", accountId);
            return this;
        }

        /** A UI call from a module shown on this issue ({@code context.extension.issue}). */
        public Fit issue(String issueId, String issueKey) {
            context.put("extension", Map.of("type", "jira:issuePanel", "issue", Map.of("id", issueId, "key", issueKey)));
            return this;
        }

        /** {@code Authorization} header value. */
        public String bearer() {
            return "Bearer " + key.sign(claims);
        }
    }

    /** Points {@code ferry.forge.app-id} and {@code ferry.forge.jwks-url} at this fake. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fake-forge", Map.of(
                    "ferry.forge.app-id", APP_ID,
                    "ferry.forge.jwks-url", ForgeKeys.url(INSTANCE.jwks, ForgeKeys.JWKS_PATH))));
        }
    }

    /** The installations {@link FakeForge#install} told of: an unknown one is refused as uninstalled. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Admission {

        @Bean
        @Primary
        ForgeAdmission fakeForgeAdmission() {
            return (invocation, systemToken) -> {
                String site = INSTANCE.sites.get(invocation.installationId());
                if (site == null) {
                    throw new InvalidTokenException("the installation " + invocation.installationId()
                            + " is not installed");
                }
                return site.isEmpty() ? null : site;
            };
        }
    }
}
