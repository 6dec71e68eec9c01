package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ferry.callback.CallbackDrain;
import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.metrics.Scrape;
import dev.ferry.simulator.fault.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What an operator's Prometheus sees, scraped over HTTP from the management port while tickets are filed on the
 * simulated site: the ticket outbox filling and draining, Jira's answers counted by status (429 apart) and timed,
 * the wait for the site's budget, deliveries by outcome, a connection Jira stopped accepting, and callbacks the
 * product's endpoint refused.
 */
@SiteKind.Only(SiteKind.API_TOKEN)
class MetricsJourneyTest extends WithLinkedDestination {

    static final String DEPTH = "ferry_queue_depth";
    static final String OLDEST = "ferry_queue_oldest_due_age_seconds";
    static final String JIRA = "ferry_jira_requests_seconds_count";
    static final String DELIVERIES = "ferry_deliveries_total";

    @Test
    void aFiledTicketShowsInTheOutboxGaugesAndTheJiraAndDeliveryCounters() throws Exception {
        Scrape before = scrape();
        int callsBefore = jira.calls().size();
        assertThat(before.value(DEPTH, "queue", "ticket_outbox")).isZero();
        assertThat(before.value(OLDEST, "queue", "ticket_outbox")).isZero();

        api.postEvent(guardrail("exp-metrics", "Metrics"));
        Thread.sleep(1_100);
        Scrape waiting = scrape();
        assertThat(waiting.value(DEPTH, "queue", "ticket_outbox")).isEqualTo(1);
        assertThat(waiting.value(OLDEST, "queue", "ticket_outbox")).isGreaterThanOrEqualTo(1.0);

        DeliveryDrain.drain(context);
        Scrape after = scrape();
        long calls = jira.calls().size() - callsBefore;
        long ok = jira.calls().stream().skip(callsBefore).filter(call -> call.status() / 100 == 2).count();
        assertThat(calls).as("the ticket went to the simulated site").isGreaterThanOrEqualTo(1);
        assertThat(after.value(DEPTH, "queue", "ticket_outbox")).isZero();
        assertThat(after.value(OLDEST, "queue", "ticket_outbox")).isZero();
        assertThat(after.value(DELIVERIES, "outcome", "done") - before.valueOrZero(DELIVERIES, "outcome", "done"))
                .isEqualTo(1);
        assertThat(after.value(JIRA, "status", "2xx") - before.valueOrZero(JIRA, "status", "2xx"))
                .as("every 2xx the site answered, counted once").isEqualTo(ok);
        assertThat(after.value("ferry_jira_requests_seconds_sum", "status", "2xx")
                - before.valueOrZero("ferry_jira_requests_seconds_sum", "status", "2xx")).isGreaterThan(0);
        assertThat(after.value("ferry_jira_requests_seconds_bucket", "status", "2xx", "le", "+Inf")
                - before.valueOrZero("ferry_jira_requests_seconds_bucket", "status", "2xx", "le", "+Inf")).isEqualTo(ok);
        assertThat(after.value("ferry_jira_rate_wait_seconds_count")
                - before.valueOrZero("ferry_jira_rate_wait_seconds_count")).as("one permit per call").isEqualTo(calls);
        for (String queue : new String[] {"webhook_inbox", "hand_tickets", "object_state_comments", "callbacks", "audit_sink"}) {
            assertThat(after.value(DEPTH, "queue", queue)).as(queue).isZero();
        }
    }

    @Test
    void jirasRateLimitIsCountedApartFromOtherRefusals() {
        jira.faults().add("POST", "/rest/api/3/issue", Fault.rateLimited(Duration.ofMillis(100), "jira-quota-tenant-based"), 1);
        Scrape before = scrape();

        api.postEvent(guardrail("exp-limited", "Limited"));
        Settle.deliveries(context);
        Scrape after = scrape();

        assertThat(after.value(JIRA, "status", "429") - before.valueOrZero(JIRA, "status", "429")).isEqualTo(1);
        assertThat(after.valueOrZero(JIRA, "status", "4xx") - before.valueOrZero(JIRA, "status", "4xx"))
                .as("a 429 is not a 4xx refusal").isZero();
        assertThat(after.value(DELIVERIES, "outcome", "done") - before.valueOrZero(DELIVERIES, "outcome", "done"))
                .isEqualTo(1);
    }

    @Test
    void aTokenJiraRejectsShowsAsAConnectionNeedingReconnectAndAParkedDelivery() {
        Scrape before = scrape();
        assertThat(before.value("ferry_connections_reconnect_needed", "reason", "credentials_rejected")).isZero();
        jira.faults().add("POST", "/rest/api/3/issue", Fault.unauthorized(), 1);

        api.postEvent(guardrail("exp-rejected", "Rejected"));
        DeliveryDrain.drain(context);
        Scrape after = scrape();

        assertThat(after.value("ferry_connections_reconnect_needed", "reason", "credentials_rejected")).isEqualTo(1);
        assertThat(after.value("ferry_connections_reconnect_needed", "reason", "grant_broken")).isZero();
        assertThat(after.value(JIRA, "status", "4xx") - before.valueOrZero(JIRA, "status", "4xx")).isEqualTo(1);
        assertThat(after.value(DELIVERIES, "outcome", "parked") - before.valueOrZero(DELIVERIES, "outcome", "parked"))
                .isEqualTo(1);
        assertThat(after.value(DEPTH, "queue", "ticket_outbox")).as("parked, still open").isEqualTo(1);
        assertThat(after.value(OLDEST, "queue", "ticket_outbox")).as("parked is not due").isCloseTo(0, within(0.001));
    }

    @Test
    void aCallbackTheEndpointRefusesIsAFailureRetriedThenOneGivenUp() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(journey.callbackPort())) {
            String endpoint = api.post("/api/v1/callbacks", "{\"url\":\"" + receiver.url(journey.callbackPort())
                    + "\",\"description\":\"Ticket news\"}").json().path("id").asString();
            receiver.answer(503, 503);
            Scrape before = scrape();
            assertThat(api.post("/api/v1/callbacks/" + endpoint + "/test", "").status()).isEqualTo(202);
            assertThat(scrape().value(DEPTH, "queue", "callbacks")).isEqualTo(1);

            CallbackDrain.drain(context);
            Scrape retrying = scrape();
            CallbackDrain.endRetryWindows(context);
            CallbackDrain.skipBackoff(context);
            CallbackDrain.drain(context);
            Scrape after = scrape();

            String failures = "ferry_callback_failures_total";
            assertThat(retrying.value(failures, "gave_up", "false") - before.value(failures, "gave_up", "false")).isEqualTo(1);
            assertThat(after.value(failures, "gave_up", "true") - before.value(failures, "gave_up", "true")).isEqualTo(1);
            assertThat(after.value(DEPTH, "queue", "callbacks")).as("FAILED is not open").isZero();
        }
    }

    private Scrape scrape() {
        return Scrape.of(Integer.parseInt(context.getEnvironment().getProperty("local.management.port")));
    }
}
