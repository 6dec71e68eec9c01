package dev.ferry.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.FerryApplication;
import dev.ferry.site.TestSites;
import dev.ferry.support.Http;
import dev.ferry.support.IssueEvents;
import dev.ferry.support.Tokens;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A delivery answered by a node that then stops is processed by the node that starts after it: two
 * real Ferry processes-in-a-JVM, one after the other, on one database.
 */
class InboxRestartTest {

    static final String SITE = "restart-site";
    static final String SECRET = "restart-site-shared-secret-long-enough-000001";

    @Test
    void aDeliveryStoredBeforeAStopIsProcessedAfterTheRestart() throws Exception {
        String database = System.getProperty("spring.datasource.url", "jdbc:h2:mem:restart;DB_CLOSE_DELAY=-1");
        try (ConfigurableApplicationContext first = start(database, false)) {
            first.getBean(JdbcClient.class).sql("delete from webhook_delivery").update();
            first.getBean(JdbcClient.class).sql("delete from site").update();
            first.getBean(TestSites.class).install(SITE, SECRET);
            int port = Integer.parseInt(first.getEnvironment().getProperty("local.server.port"));
            String path = "/webhooks/jira-issue-updated";
            var answer = new Http(port).post(path, IssueEvents.updated("10001", "OPS-1", "Done", "done", 1L),
                    "Authorization", "JWT " + first.getBean(Tokens.class).request(SITE, SECRET, "POST", path),
                    "X-Atlassian-Webhook-Identifier", "before-the-crash");
            assertThat(answer.statusCode()).isEqualTo(204);
        }

        try (ConfigurableApplicationContext second = start(database, true)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            String status = "PENDING";
            while (status.equals("PENDING") && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                status = jdbc.sql("select status from webhook_delivery where webhook_id = 'before-the-crash'")
                        .query(String.class).single();
            }
            assertThat(status).isEqualTo("PROCESSED");
            jdbc.sql("delete from webhook_delivery").update();
            jdbc.sql("delete from site").update();
        }
    }

    static ConfigurableApplicationContext start(String database, boolean worker) {
        return new SpringApplicationBuilder(FerryApplication.class, TestBeans.class).profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + database,
                        "--ferry.webhooks.worker-enabled=" + worker, "--ferry.webhooks.poll-interval=100ms");
    }

    @TestConfiguration(proxyBeanMethods = false)
    @Import({TestSites.class, dev.ferry.support.TestSupportConfig.class})
    static class TestBeans {
    }
}
