package dev.ferry.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * POST /api/v1/deliveries/{id}/retry, the service the console's Retry uses too: every delivery that is not
 * final goes out now; a done or skipped one is refused and left as it was.
 */
@FerryIntegrationTest
class DeliveryRetryTest {

    static final Instant LATER = Instant.now().plus(Duration.ofHours(1));

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    Organizations.Org acme;
    OutboxRows outbox;

    @BeforeEach
    void anOrganizationWithADestination() {
        acme = organizations.create("Acme");
        outbox = OutboxRows.destination(jdbc, acme.id(), "site-1");
    }

    @Test
    void aPendingWaitingOrFailedDeliveryIsDueNowAfterARetry() {
        for (String status : new String[] {"PENDING", "WAITING", "FAILED"}) {
            long id = outbox.delivery(status, LATER);

            assertThat(retry(id).statusCode()).as(status).isEqualTo(202);
            assertThat(outbox.status(id)).as(status).isEqualTo("PENDING");
            assertThat(outbox.nextAttemptAt(id)).as(status).isBeforeOrEqualTo(Instant.now());
        }
    }

    @Test
    void aDoneOrSkippedDeliveryIsRefusedAndLeftAsItWas() {
        for (String status : new String[] {"DONE", "SKIPPED"}) {
            long id = outbox.delivery(status, LATER);

            HttpResponse<String> answer = retry(id);

            assertThat(answer.statusCode()).as(status).isEqualTo(409);
            assertThat(answer.body()).contains("is finished");
            assertThat(outbox.status(id)).isEqualTo(status);
            assertThat(outbox.nextAttemptAt(id)).isAfter(Instant.now());
        }
    }

    @Test
    void anotherOrganizationsDeliveryIsNotFound() {
        long theirs = OutboxRows.destination(jdbc, organizations.create("Other").id(), "site-1").delivery("FAILED", LATER);

        assertThat(retry(theirs).statusCode()).isEqualTo(404);
        assertThat(retry(999_999).statusCode()).isEqualTo(404);
        assertThat(outbox.status(theirs)).isEqualTo("FAILED");
    }

    @Test
    void aDeliveryAWorkerHoldsRightNowIsLeftToIt() {
        long id = outbox.delivery("PENDING", LATER);
        outbox.claimedUntil(id, LATER);

        assertThat(retry(id).statusCode()).isEqualTo(202);
        assertThat(outbox.nextAttemptAt(id)).as("not claimed a second time").isAfter(Instant.now());
    }

    @Test
    void aFailureOnFerrysSideIsRecordedInWordsWithoutAnExceptionsName() {
        long id = outbox.delivery("PENDING", "not json", Instant.now().minusSeconds(1), null);

        DeliveryDrain.drain(context);

        assertThat(outbox.lastError(id)).startsWith("unexpected error in Ferry")
                .contains("delivery " + id).doesNotContain("Exception").doesNotContain("tools.jackson");
    }

    private HttpResponse<String> retry(long id) {
        return new Http(port).post("/api/v1/deliveries/" + id + "/retry", "{}", "Authorization", "Bearer " + acme.key(),
                "Content-Type", "application/json");
    }
}
