package dev.ferry.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.connection.OAuthProperties;
import dev.ferry.refusal.Refusal;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OAuthConnectionsTest {

    static OAuthProperties settings(String clientId, String secret, String redirect) {
        return new OAuthProperties(URI.create("https://auth.atlassian.com"), clientId, secret, redirect,
                "read:jira-work offline_access", Duration.ofMinutes(30), Duration.ofMinutes(60));
    }

    static OAuthConnections with(OAuthProperties properties) {
        return new OAuthConnections(properties, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void withoutAClientTheStartIsRefusedNamingTheSettingsToSet() {
        OAuthConnections oauth = with(settings("", "", ""));
        assertThatThrownBy(() -> oauth.start(new OAuthConnections.Actor("org", "user:a@b", "session"), null))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("ferry.oauth.client-id").hasMessageContaining("ferry.oauth.client-secret")
                .hasMessageContaining("ferry.oauth.redirect-uri");
    }

    @Test
    void withAClientSecretAndCallbackTheOptionIsOn() {
        assertThat(with(settings("id", "secret", "https://ferry.example/admin/connections/oauth/callback")).notConfigured())
                .isNull();
    }

    @Test
    void theSecretNeverShowsInTheSettingsText() {
        assertThat(settings("id", "s3cr3t-value", "https://x").toString()).doesNotContain("s3cr3t-value");
    }
}
