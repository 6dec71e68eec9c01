package dev.ferry.webhook;

import static dev.ferry.webhook.WebhookInboxTest.COMMENTS;
import static dev.ferry.webhook.WebhookInboxTest.SECRET;
import static dev.ferry.webhook.WebhookInboxTest.SITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.site.TestSites;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.IssueEvents;
import dev.ferry.support.Tokens;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A delivery that cannot be committed in time is answered 503, which Jira retries; the request does not
 * hang. Here the writer is held up by another transaction holding the same identifier uncommitted.
 */
@FerryIntegrationTest
@TestPropertySource(properties = "ferry.webhooks.store-timeout=1s")
class InboxStoreTimeoutTest {

    @LocalServerPort
    int port;
    @Autowired
    Tokens tokens;
    @Autowired
    TestSites sites;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void aDeliveryNotStoredInTimeIsAnsweredRetryablyAndTakenWhenSentAgain() throws Exception {
        sites.install(SITE, SECRET);
        Http http = new Http(port);
        String body = IssueEvents.comment("10000", 1L);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (var insert = holder.prepareStatement(InboxTable.INSERT)) {
                InboxTable.bind(insert, new InboundDelivery(SITE, "held", "comment_created", "{}", 0, Instant.now()));
                insert.executeUpdate();
            }

            var held = deliver(http, "held", body);

            assertThat(held.statusCode()).isEqualTo(503);
            assertThat(held.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(held.body()).contains("not stored in time");
            holder.rollback();
        }

        var again = deliver(http, "held", body);

        assertThat(again.statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from webhook_delivery where webhook_id = 'held'").query(Long.class).single())
                .isEqualTo(1);
    }

    HttpResponse<String> deliver(Http http, String webhookId, String body) {
        return http.post(COMMENTS, body, "Authorization", "JWT " + tokens.request(SITE, SECRET, "POST", COMMENTS),
                "X-Atlassian-Webhook-Identifier", webhookId);
    }
}
