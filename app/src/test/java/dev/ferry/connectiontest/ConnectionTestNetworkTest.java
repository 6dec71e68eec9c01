package dev.ferry.connectiontest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.connection.ConnectionKind;
import dev.ferry.connectiontest.ConnectionTestReport.Check;
import dev.ferry.jira.JiraAuth;
import dev.ferry.jira.JiraSite;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.fault.Fault;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.url.HostResolver;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

/**
 * What "Test connection" says when Atlassian cannot be reached at all: a name that does not resolve, a port
 * nobody listens on, a site slower than Ferry waits. Journeys may call only the simulators, so these call a
 * site of their own below the API, with a short read timeout and no retries.
 */
@FerryIntegrationTest
@TestPropertySource(properties = {"ferry.jira.read-timeout=1s", "ferry.jira.max-retries=0",
        "ferry.outbound.allowed-hosts=127.0.0.1,localhost,no-such-site.invalid"})
class ConnectionTestNetworkTest {

    static final JiraSimulator slow = JiraSimulator.start();
    static final String EMAIL = "Dana@acme.example";
    static final String TOKEN = "ATATT3xFfGF0-network";

    @Autowired
    ConnectionTestChecks checks;

    @AfterAll
    static void stop() {
        slow.close();
    }

    @Test
    void aListedNameThatDoesNotResolveIsCalledDns() {
        Check account = onlyCheck(site("http://no-such-site.invalid:8080"));

        assertThat(account.message()).startsWith("Network: the name of the Jira site could not be resolved (DNS) after")
                .contains("firewall or allowlist");
    }

    @Test
    void aCloudNameThatDoesNotResolveIsCalledDnsToo() {
        Check account = onlyCheck(site("https://no-such-site.atlassian.net"));

        assertThat(account.message()).startsWith("Network: the name of the Jira site could not be resolved (DNS)")
                .contains("firewall or allowlist");
    }

    @Test
    void aPortNobodyListensOnIsARefusedConnection() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Check account = onlyCheck(site("http://127.0.0.1:" + closed));

        assertThat(account.message()).startsWith("Network: the connection to Jira was refused after")
                .contains("firewall or allowlist");
    }

    @Test
    void aSiteSlowerThanTheReadTimeoutSaysHowLongFerryWaited() {
        slow.data().accounts().add("557058:dana", EMAIL, "Dana Scully");
        slow.credentials().addApiToken(EMAIL, TOKEN);
        slow.faults().add("GET", "/rest/api/3/myself", Fault.slow(Duration.ofSeconds(4)), 1);

        Check account = onlyCheck(site(slow.baseUrl()));

        assertThat(account.message()).startsWith("Network: Jira did not answer; Ferry waited 1")
                .contains("firewall or allowlist");
    }

    private Check onlyCheck(JiraSite site) {
        ConnectionTestReport report = checks.run(new ConnectionTestChecks.Target(site.clientKey(),
                ConnectionKind.API_TOKEN, site, "FERRY", null));
        assertThat(report.ok()).isFalse();
        assertThat(report.checks()).hasSize(1);
        assertThat(report.checks().get(0).name()).isEqualTo("account");
        return report.checks().get(0);
    }

    private static JiraSite site(String url) {
        URI uri = URI.create(url);
        return new JiraSite("api-token-network-" + uri.getHost(), uri, uri,
                new JiraAuth.ApiToken(EMAIL, TOKEN));
    }

    /** Cloud names resolve nowhere here, whatever this machine's DNS does with *.atlassian.net. */
    @TestConfiguration
    static class NoCloudDns {

        @Bean
        HostResolver hostResolver() {
            HostResolver system = HostResolver.system();
            return host -> {
                if (host.endsWith(".atlassian.net")) {
                    throw new UnknownHostException(host);
                }
                return system.resolve(host);
            };
        }
    }
}
