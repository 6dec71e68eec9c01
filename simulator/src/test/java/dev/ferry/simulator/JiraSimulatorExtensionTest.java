package dev.ferry.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The JUnit extension fails a test whose app sent a request the specification rejects, and only then. */
class JiraSimulatorExtensionTest {

    @Test
    void aSpecViolationFailsTheTestThatCausedIt() {
        var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(SampleTests.class)).execute().testEvents();
        results.assertStatistics(stats -> stats.succeeded(1).failed(1));
        assertThat(results.failed().list()).singleElement().satisfies(event ->
                assertThat(event.getTestDescriptor().getDisplayName()).startsWith("sendsABadAuditQuery"));
    }

    /** Run only through the test kit above. */
    static class SampleTests {

        @RegisterExtension
        static JiraSimulatorExtension extension = new JiraSimulatorExtension();

        @Test
        void sendsABadAuditQuery() throws Exception {
            call("/rest/api/3/auditing/record?offset=minus-one");
        }

        @Test
        void sendsAGoodQuery() throws Exception {
            call("/rest/api/3/auditing/record?offset=0&limit=10");
        }

        private static void call(String pathAndQuery) throws Exception {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(extension.jira().baseUrl() + pathAndQuery)).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }
}
