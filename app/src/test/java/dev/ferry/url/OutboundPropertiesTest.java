package dev.ferry.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The guard's settings bind from text, and a configuration may hand the guard its own resolver. */
class OutboundPropertiesTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void byDefaultNothingBeyondCloudIsAllowed() {
        runner.run(context -> {
            assertThat(context.getBean(OutboundProperties.class)).isEqualTo(new OutboundProperties(List.of(), false));
            assertThatThrownBy(() -> context.getBean(OutboundGuard.class).check(URI.create("http://127.0.0.1:8080/")))
                    .isInstanceOf(BlockedAddressException.class);
        });
    }

    @Test
    void allowedHostsBindFromACommaSeparatedList() {
        runner.withPropertyValues("ferry.outbound.allowed-hosts=127.0.0.1:8080, jira.internal.example",
                "ferry.outbound.allow-private-addresses=true").run(context -> {
                    OutboundProperties properties = context.getBean(OutboundProperties.class);
                    assertThat(properties.allowedHosts()).containsExactly("127.0.0.1:8080", "jira.internal.example");
                    assertThat(properties.allowPrivateAddresses()).isTrue();
                    assertThatCode(() -> context.getBean(OutboundGuard.class).check(URI.create("http://127.0.0.1:8080/")))
                            .doesNotThrowAnyException();
                });
    }

    @Test
    void aMistypedAllowedHostStopsStartUp() {
        runner.withPropertyValues("ferry.outbound.allowed-hosts=https://127.0.0.1:8080/")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void aHostResolverBeanReplacesTheSystemResolver() {
        runner.withUserConfiguration(PrivateDns.class).run(context -> assertThatThrownBy(
                () -> context.getBean(OutboundGuard.class).check(URI.create("https://acme.atlassian.net/")))
                .isInstanceOf(BlockedAddressException.class).hasMessageEndingWith("10.1.2.3, a private address"));
    }

    @EnableConfigurationProperties(OutboundProperties.class)
    @Import(OutboundGuard.class)
    static class Config {
    }

    @Configuration(proxyBeanMethods = false)
    static class PrivateDns {

        @Bean
        HostResolver hostResolver() {
            return host -> List.of(InetAddress.getByName("10.1.2.3"));
        }
    }
}
