package dev.ferry.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.site.TestSites;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.IssueEvents;
import dev.ferry.support.Tokens;
import java.sql.Connection;
import java.sql.Timestamp;
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

    static final String SITE = "timeout-site";
    static final String SECRET = "timeout-site-shared-secret-long-enough-0001";
    static final String COMMENTS = "/webhooks/comment-created";

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
            try (var insert = holder.prepareStatement("""
                    insert into webhook_delivery (client_key, webhook_id, event, body, retry_count, received_at, status,
                                                  attempts, next_attempt_at)
                    values (?, 'held', 'comment_created', '{}', 0, ?, 'PENDING', 0, ?)""")) {
                Timestamp now = Timestamp.from(Instant.now());
                insert.setString(1, SITE);
                insert.setTimestamp(2, now);
                insert.setTimestamp(3, now);
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

    java.net.http.HttpResponse<String> deliver(Http http, String webhookId, String body) {
        return http.post(COMMENTS, body, "Authorization", "JWT " + tokens.request(SITE, SECRET, "POST", COMMENTS),
                "X-Atlassian-Webhook-Identifier", webhookId);
    }
}
