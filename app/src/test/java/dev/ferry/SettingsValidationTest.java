package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.validation.annotation.Validated;

/**
 * A bad setting stops Ferry at start-up, and the report an operator reads names the setting, its value and what
 * is wrong with it, instead of a worker failing later. The context holds Ferry's properties records only (every
 * one of them is bound and validated when it starts), so each case costs a fraction of a second.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsValidationTest {

    /** Binds every {@code @ConfigurationProperties} record of Ferry's, and nothing else. */
    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("dev.ferry")
    static class SettingsOnly {
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("ferry.delivery.worker-threads", "0", "must be greater than 0"),
                Arguments.of("ferry.webhooks.poll-interval", "0s", "must be a duration longer than 0"),
                Arguments.of("ferry.jira.read-timeout", "-5s", "must be a duration longer than 0"),
                Arguments.of("ferry.connect.tenant-cache-ttl", "-1s", "must be a duration of 0 or more"),
                Arguments.of("ferry.web.max-body-size", "0B", "must be a size larger than 0"),
                Arguments.of("ferry.base-url", "ferry.example.com", "must be an absolute http or https URL"),
                Arguments.of("ferry.forge.jwks-url", "ftp://keys.example.com/jwks.json", "must be an absolute http or https URL"),
                Arguments.of("ferry.connect.install-keys-urls[0]", "/relative", "must be an absolute http or https URL"),
                Arguments.of("ferry.admin.login.first-delay", "0s", "must be a duration longer than 0"),
                Arguments.of("ferry.audit-collectors.page-size", "5000", "must be less than or equal to 1000"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badSettings")
    void aBadValueStopsTheStartAndTheReportNamesTheSetting(String setting, String value, String reason,
            CapturedOutput output) {
        assertThatThrownBy(() -> start(setting + "=" + value)).hasStackTraceContaining(reason);
        assertThat(output).contains("APPLICATION FAILED TO START").contains("Setting: " + setting + "\n")
                .contains("Value: \"" + value + "\"").contains("Reason: " + reason);
    }

    @Test
    void theDefaultsAreValid() {
        start().close();
    }

    /** A record without {@code @Validated} would bind any value: its constraints would never be checked. */
    @Test
    void everyPropertiesRecordIsValidated() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<String> unchecked = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.ferry")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (!type.isAnnotationPresent(Validated.class)) {
                unchecked.add(type.getName());
            }
        }
        assertThat(unchecked).as("properties records without @Validated").isEmpty();
    }

    private static final String TEST_KEY = "dGVzdC1vbmx5LWtleS0wMDAwMDAwMDAwMDAwMDAwMDA=";

    private static ConfigurableApplicationContext start(String... settings) {
        String[] arguments = Arrays.stream(settings).map(setting -> "--" + setting).toArray(String[]::new);
        return new SpringApplicationBuilder(SettingsOnly.class).web(WebApplicationType.NONE)
                // The suite's test key: on PostgreSQL (the suite's second pass) Ferry refuses to start without one.
                .properties("spring.main.banner-mode=off", "ferry.secret-key=" + TEST_KEY).run(arguments);
    }
}
