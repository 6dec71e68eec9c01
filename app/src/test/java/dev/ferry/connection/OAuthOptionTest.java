package dev.ferry.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The environment variables the console names for "Connect with Atlassian" are the ones Spring Boot reads. */
class OAuthOptionTest {

    @Test
    void theNamedEnvironmentVariablesSetTheOAuthApp() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME + "-test",
                Map.of(OAuthOption.SETTINGS.get(0), "client-1", OAuthOption.SETTINGS.get(1), "secret-1",
                        OAuthOption.SETTINGS.get(2), "https://ferry.example/admin/connections/oauth/callback")));

        OAuthProperties bound = new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("ferry.oauth", OAuthProperties.class);

        assertThat(bound.clientId()).isEqualTo("client-1");
        assertThat(bound.clientSecret()).isEqualTo("secret-1");
        assertThat(bound.configured()).isTrue();
        assertThat(OAuthOption.of(bound, "/start").configured()).isTrue();
    }
}
