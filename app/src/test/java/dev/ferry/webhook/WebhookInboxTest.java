package dev.ferry.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.ferry.persistence.Dialect;
import dev.ferry.site.TestSites;
import dev.ferry.support.Eventually;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.IssueEvents;
import dev.ferry.support.Tokens;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The inbox over real HTTP: stored before the answer, once per identifier, processed after, never lost. */
@FerryIntegrationTest
@Import(WebhookInboxTest.CountingProcessorConfig.class)
class WebhookInboxTest {

    static final String SITE = "inbox-site";
    static final String SECRET = "inbox-site-shared-secret-long-enough-00000001";
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
    InboxWorker worker;
    @Autowired
    InboxQueue queue;
    @Autowired
    CountingProcessor processor;
    @Autowired
    Dialect dialect;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        sites.install(SITE, SECRET);
        processor.seen.clear();
    }

    /** H2 says in its plan when it walks an index in the query's order and can stop at the limit. */
    @Test
    void onH2TheDueQueryWalksItsIndexInOrderInsteadOfSortingTheBacklog() {
        assumeThat(dialect.postgres()).as("H2's plan").isFalse();
        String plan = jdbc.sql("explain " + InboxQueue.DUE_IN_ORDER)
                .params(Timestamp.from(Instant.now()), 400).query(String.class).single();
        assertThat(plan).as(plan).contains("/* index sorted */").contains("WEBHOOK_DELIVERY_DUE");
    }

    @Test
    void aDeliveryIsStoredBeforeItIsAnsweredAndProcessedAfter() {
        var response = deliver(COMMENTS, "delivery-1", IssueEvents.comment("10000", 1_700_000_000_000L));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(status("delivery-1")).isEqualTo("PENDING");
        assertThat(processor.seen).isEmpty();

        worker.drain();

        assertThat(status("delivery-1")).isEqualTo("PROCESSED");
        assertThat(processor.seen).containsExactly(SITE + ":10000");
    }

    @Test
    void theSiteRowNotesWhenItsLastWebhookArrived() {
        deliver(COMMENTS, "noted", IssueEvents.comment("10000", 1L));
        Eventually.await(() -> jdbc.sql("select count(*) from site where client_key = ? and last_webhook_at is not null")
                .param(SITE).query(Long.class).single() == 1);

        var received = jdbc.sql("select received_at from webhook_delivery where webhook_id = 'noted'")
                .query(java.time.OffsetDateTime.class).single();
        var noted = jdbc.sql("select last_webhook_at from site where client_key = ?").param(SITE)
                .query(java.time.OffsetDateTime.class).single();
        assertThat(noted.toInstant()).isEqualTo(received.toInstant());
    }

    @Test
    void fiveCopiesOfOneDeliveryAreStoredAndProcessedOnce() {
        String body = IssueEvents.comment("10000", 1_700_000_000_000L);
        for (int retry = 0; retry < 5; retry++) {
            var response = http.post(COMMENTS, body, "Authorization", "JWT " + token(COMMENTS),
                    "X-Atlassian-Webhook-Identifier", "same-delivery", "X-Atlassian-Webhook-Retry", String.valueOf(retry));
            assertThat(response.statusCode()).isEqualTo(204);
        }

        worker.drain();
        worker.drain();

        assertThat(jdbc.sql("select count(*) from webhook_delivery").query(Long.class).single()).isEqualTo(1);
        assertThat(processor.seen).hasSize(1);
    }

    @Test
    void aDeliveryTheInboxCannotStoreIsAnsweredRetryablyAndStoredWhenSentAgain() {
        String body = IssueEvents.comment("10000", 1L);
        jdbc.sql("alter table webhook_delivery add constraint refuse_one check (webhook_id <> 'refused')").update();
        try {
            var refused = deliver(COMMENTS, "refused", body);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).contains("could not be stored");
        } finally {
            jdbc.sql("alter table webhook_delivery drop constraint refuse_one").update();
        }
        assertThat(jdbc.sql("select count(*) from webhook_delivery").query(Long.class).single()).isZero();

        assertThat(deliver(COMMENTS, "refused", body).statusCode()).isEqualTo(204);
        assertThat(status("refused")).isEqualTo("PENDING");
    }

    @Test
    void anUnsignedDeliveryIsRefusedAndNotStored() {
        var response = http.post(COMMENTS, IssueEvents.comment("1", 1L), "X-Atlassian-Webhook-Identifier", "unsigned");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from webhook_delivery").query(Long.class).single()).isZero();
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndNotStoredWhetherItsLengthIsDeclaredOrNot() {
        String huge = "{\"pad\": \"" + "x".repeat(1_100_000) + "\"}";
        var declared = deliver(COMMENTS, "too-large", huge);
        var chunked = http.postChunked(COMMENTS, huge, "Authorization", "JWT " + token(COMMENTS),
                "X-Atlassian-Webhook-Identifier", "too-large-chunked");

        for (var response : List.of(declared, chunked)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("larger than 1000000 bytes");
        }
        assertThat(jdbc.sql("select count(*) from webhook_delivery").query(Long.class).single()).isZero();
    }

    @Test
    void onlyPostIsTakenAtAWebhookUrl() {
        var response = http.get(COMMENTS, "Authorization", "JWT " + tokens.request(SITE, SECRET, "GET", COMMENTS));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aDeliveryFromAnUninstalledSiteIsRefused() {
        sites.uninstall(SITE);

        assertThat(deliver(COMMENTS, "late", IssueEvents.comment("1", 1L)).statusCode()).isEqualTo(401);
    }

    @Test
    void aMalformedBodyIsAnsweredOnceAndRecordedAsRejected() {
        var response = deliver(COMMENTS, "broken", "{\"timestamp\": ");

        assertThat(response.statusCode()).isEqualTo(204);
        worker.drain();
        assertThat(status("broken")).isEqualTo("REJECTED");
        assertThat(outcome("broken")).contains("not JSON");
        assertThat(worker.drain()).isZero();
    }

    @Test
    void aBodyHoldingARawNulIsRefusedForGoodAndStoresNothing() {
        var response = deliver(COMMENTS, "nul", "{\"timestamp\": 1, \"x\": \"a\u0000b\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(jdbc.sql("select count(*) from webhook_delivery").query(Long.class).single()).isZero();
    }

    @Test
    void aTimestampBeforeTheEpochIsRejectedNotApplied() {
        deliver(COMMENTS, "ancient", IssueEvents.comment("10000", -9_000_000_000_000_000L));

        worker.drain();

        assertThat(status("ancient")).isEqualTo("REJECTED");
        assertThat(outcome("ancient")).contains("epoch milliseconds");
    }

    @Test
    void anUnknownEventIsRecordedAsRejectedWithoutRetries() {
        var response = deliver("/webhooks/board-created", "unknown-event", "{\"timestamp\": 1}");

        assertThat(response.statusCode()).isEqualTo(204);
        worker.drain();
        assertThat(status("unknown-event")).isEqualTo("REJECTED");
        assertThat(outcome("unknown-event")).contains("no webhook is declared");
    }

    @Test
    void aDeliveryWhoseWorkerDiedIsProcessedWhenItsLeaseRunsOut() {
        deliver(COMMENTS, "orphan", IssueEvents.comment("10000", 1L));
        List<StoredDelivery> claimedByADeadWorker = queue.claim(10, Duration.ZERO);
        assertThat(claimedByADeadWorker).hasSize(1);

        worker.drain();

        assertThat(status("orphan")).isEqualTo("PROCESSED");
        assertThat(processor.seen).hasSize(1);
    }

    @Test
    void aDeliveryWhoseLeaseHoldsIsNotTakenByAnotherWorker() {
        deliver(COMMENTS, "leased", IssueEvents.comment("10000", 1L));
        queue.claim(10, Duration.ofMinutes(5));

        assertThat(worker.drain()).isZero();
        assertThat(status("leased")).isEqualTo("PENDING");
    }

    @Test
    void aFailingProcessorIsRetriedLaterAndTheBatchGoesOn() {
        deliver(COMMENTS, "fails", IssueEvents.comment("explode", 1L));
        deliver(COMMENTS, "works", IssueEvents.comment("10000", 2L));

        worker.drain();

        assertThat(status("fails")).isEqualTo("PENDING");
        assertThat(outcome("fails")).contains("processor exploded");
        assertThat(status("works")).isEqualTo("PROCESSED");
    }

    @Test
    void processedDeliveriesArePrunedAfterTheRetention() {
        deliver(COMMENTS, "old", IssueEvents.comment("10000", 1L));
        deliver(COMMENTS, "pending", IssueEvents.comment("10000", 2L));
        worker.process(queue.claim(1, Duration.ofMinutes(1)).get(0));
        jdbc.sql("update webhook_delivery set processed_at = processed_at - interval '8' day where webhook_id = 'old'")
                .update();

        assertThat(queue.pruneFinishedBefore(Instant.now().minus(Duration.ofDays(7)))).isEqualTo(1);
        assertThat(jdbc.sql("select webhook_id from webhook_delivery").query(String.class).list())
                .containsExactly("pending");
    }

    HttpResponse<String> deliver(String path, String webhookId, String body) {
        return http.post(path, body, "Authorization", "JWT " + token(path), "X-Atlassian-Webhook-Identifier", webhookId);
    }

    String token(String path) {
        return tokens.request(SITE, SECRET, "POST", path);
    }

    String status(String webhookId) {
        return jdbc.sql("select status from webhook_delivery where webhook_id = ?").param(webhookId)
                .query(String.class).single();
    }

    String outcome(String webhookId) {
        return jdbc.sql("select outcome from webhook_delivery where webhook_id = ?").param(webhookId)
                .query(String.class).single();
    }

    /** Counts what it processes; fails on demand. */
    static class CountingProcessor implements WebhookProcessor {

        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public Set<String> events() {
            return Set.of("comment_created");
        }

        @Override
        public void process(WebhookEvent event) {
            String issueId = event.body().path("issue").path("id").asString();
            if (issueId.equals("explode")) {
                throw new IllegalStateException("processor exploded");
            }
            seen.add(event.clientKey() + ":" + issueId);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class CountingProcessorConfig {

        @Bean
        CountingProcessor countingProcessor() {
            return new CountingProcessor();
        }
    }
}
