package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** Ferry's identity settings are checked when it starts, not when Jira first calls. */
class FerryPropertiesTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void defaultsAreLocalhostAndFerryForJira() {
        runner.run(context -> {
            FerryProperties properties = context.getBean(FerryProperties.class);
            assertThat(properties.baseUrlText()).isEqualTo("http://localhost:8080");
            assertThat(properties.appKey()).isEqualTo("ferry-for-jira");
            assertThat(properties.basePath()).isEmpty();
        });
    }

    @Test
    void anAppKeyLongerThanSixtyFourCharactersStopsStartUp() {
        runner.withPropertyValues("ferry.app-key=" + "k".repeat(65))
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void anAppKeyWithCharactersJiraRefusesStopsStartUp() {
        runner.withPropertyValues("ferry.app-key=ferry for jira")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void aBaseUrlWithAPathGivesThePathToStrip() {
        runner.withPropertyValues("ferry.base-url=https://apps.example.com/ferry/").run(context -> {
            FerryProperties properties = context.getBean(FerryProperties.class);
            assertThat(properties.baseUrlText()).isEqualTo("https://apps.example.com/ferry");
            assertThat(properties.basePath()).isEqualTo("/ferry");
        });
    }

    @EnableConfigurationProperties(FerryProperties.class)
    static class Config {
    }
}
