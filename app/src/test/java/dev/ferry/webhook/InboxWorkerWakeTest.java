package dev.ferry.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.site.TestSites;
import dev.ferry.support.Eventually;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.IssueEvents;
import dev.ferry.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A webhook stored on this node is processed at once, though the idle inbox worker would not look again by itself
 * for half a minute: the store wakes it. (Another node's webhooks wait for the poll.)
 */
@FerryIntegrationTest
@Import(TestSites.class)
@TestPropertySource(properties = {"ferry.webhooks.worker-enabled=true", "ferry.webhooks.poll-interval=30s"})
class InboxWorkerWakeTest {

    static final String SITE = "wake-site";
    static final String SECRET = "wake-site-shared-secret-long-enough-0000001";

    @LocalServerPort
    int port;
    @Autowired
    TestSites sites;
    @Autowired
    Tokens tokens;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aStoredWebhookIsProcessedAtOnceWhileTheIdleWorkerSleeps() throws Exception {
        sites.install(SITE, SECRET);
        Thread.sleep(300); // the worker's first look, at start-up, is over: it sleeps its 30 s now
        String path = "/webhooks/jira-issue-updated";

        var answer = new Http(port).post(path, IssueEvents.updated("10001", "OPS-1", "Done", "done", 1L),
                "Authorization", "JWT " + tokens.request(SITE, SECRET, "POST", path),
                "X-Atlassian-Webhook-Identifier", "wakes-the-worker");

        assertThat(answer.statusCode()).isEqualTo(204);
        Eventually.await(() -> "PROCESSED".equals(status()));
        assertThat(status()).as("processed within seconds, not after the worker's 30 s sleep").isEqualTo("PROCESSED");
    }

    private String status() {
        return jdbc.sql("select status from webhook_delivery where webhook_id = 'wakes-the-worker'").query(String.class)
                .single();
    }
}
