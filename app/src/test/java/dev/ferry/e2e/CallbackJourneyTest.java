package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.callback.CallbackDrain;
import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.link.ReconcileRun;
import dev.ferry.webhook.InboxDrain;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The product hears what happens to the tickets Ferry files for it, at an endpoint it registered: created by a
 * rule, status changed, moved, deleted, link removed; each signed with the secret shown once, tried again with the
 * same webhook-id while the endpoint fails, and in order per object. Over an install, Jira's webhooks bring the
 * changes; over an API token or OAuth (no webhooks reach Ferry there), the nightly reconcile does.
 */
class CallbackJourneyTest extends WithLinkedDestination {

    CallbackReceiver receiver;
    String secret;
    String endpoint;

    @BeforeEach
    void theProductRegistersAnEndpoint() throws Exception {
        receiver = new CallbackReceiver(journey.callbackPort());
        ProductApi.Reply added = api.post("/api/v1/callbacks", "{\"url\":\"" + receiver.url(journey.callbackPort())
                + "\",\"description\":\"Ticket news\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        secret = added.json().path("secret").asString();
        endpoint = added.json().path("id").asString();
        assertThat(secret).startsWith("whsec_");
        receiver.trust(secret);
        assertThat(added.json().path("events")).hasSize(5);
        assertThat(api.get("/api/v1/callbacks/" + endpoint).body()).doesNotContain(secret).doesNotContain("\"secret\":\"");
    }

    @AfterEach
    void closeTheReceiver() {
        receiver.close();
    }

    @Test
    void theProductHearsOfItsTicketInOrderSignedAndRetriedWithTheSameId() {
        api.postEvent(guardrail("exp-cb", "Callbacks"));
        DeliveryDrain.drain(context);
        JsonNode link = api.get("/api/v1/links?subjectType=experiment&subjectId=exp-cb").json().get(0);
        String key = link.path("issueKey").asString();

        jira.admin().transition(key, "In Progress");
        jiraTellsFerry("jira:issue_updated", key);
        String moved = jira.data().moveIssue(key, "OPS");
        jiraTellsFerry("jira:issue_updated", moved);
        var deletion = jira.site().prepareWebhook("jira:issue_deleted", moved, Map.of(), Instant.now());
        jira.data().deleteIssue(moved);
        if (kind == SiteKind.INSTALL) {
            assertThat(jira.site().send(deletion).status()).isEqualTo(204);
            InboxDrain.drain(context);
        } else {
            ReconcileRun.now(context);
        }
        assertThat(api.delete("/api/v1/links/" + link.path("id").asLong()).status()).isEqualTo(204);

        receiver.answer(500, 500);
        CallbackDrain.drain(context);
        assertThat(receiver.received()).as("the others wait behind the object's first message").hasSize(1);
        CallbackDrain.skipBackoff(context);
        CallbackDrain.drain(context);
        CallbackDrain.skipBackoff(context);
        CallbackDrain.drain(context);

        assertThat(receiver.received()).allSatisfy(request -> assertThat(request.signatureValid()).isTrue());
        assertThat(receiver.received().subList(0, 3)).extracting(CallbackReceiver.Received::webhookId).containsOnly(
                receiver.received().get(0).webhookId());
        assertThat(receiver.received()).extracting(CallbackReceiver.Received::answered)
                .containsExactly(500, 500, 200, 200, 200, 200, 200);
        assertThat(receiver.accepted()).extracting(CallbackReceiver.Received::type).containsExactly("ticket.created",
                "ticket.status_changed", "ticket.moved", "ticket.deleted", "link.removed");
        JsonNode created = receiver.accepted().get(0).json().path("data");
        assertThat(created.path("issueKey").asString()).isEqualTo(key);
        assertThat(created.path("object").path("id").asString()).isEqualTo("exp-cb");
        assertThat(created.path("origin").asString()).isEqualTo("AUTOMATIC");
        JsonNode status = receiver.accepted().get(1).json().path("data");
        assertThat(status.path("status").path("category").asString()).isEqualTo("indeterminate");
        assertThat(status.path("previousStatus").path("category").asString()).isEqualTo("new");
        JsonNode move = receiver.accepted().get(2).json().path("data");
        assertThat(move.path("issueKey").asString()).isEqualTo(moved);
        assertThat(move.path("previousIssueKey").asString()).isEqualTo(key);

        JsonNode attempts = api.get("/api/v1/callbacks/" + endpoint + "/attempts").json();
        assertThat(attempts).hasSize(5);
        JsonNode first = attempts.get(4);
        assertThat(first.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(first.path("attempts").asInt()).isEqualTo(3);
        assertThat(first.path("lastHttpStatus").asInt()).isEqualTo(200);
        assertThat(first.path("lastAnswer").asString()).isEqualTo("answer 200");
    }

    @Test
    void aMessageThatFailsPastTheRetryWindowIsFailedAndCanBeSentAgainByHand() {
        ProductApi.Reply test = api.post("/api/v1/callbacks/" + endpoint + "/test", "");
        assertThat(test.status()).as(test.body()).isEqualTo(202);
        long message = test.json().path("id").asLong();
        receiver.answer(503);
        CallbackDrain.endRetryWindows(context);
        CallbackDrain.drain(context);

        JsonNode failed = api.get("/api/v1/callbacks/" + endpoint + "/attempts").json().get(0);
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("lastHttpStatus").asInt()).isEqualTo(503);
        assertThat(failed.path("type").asString()).isEqualTo("callback.test");

        assertThat(api.post("/api/v1/callbacks/messages/" + message + "/retry", "").status()).isEqualTo(202);
        CallbackDrain.drain(context);
        assertThat(api.get("/api/v1/callbacks/" + endpoint + "/attempts").json().get(0).path("status").asString())
                .isEqualTo("DELIVERED");
        assertThat(receiver.received()).extracting(CallbackReceiver.Received::webhookId).containsOnly(
                failed.path("webhookId").asString());
        ProductApi.refused(api.post("/api/v1/callbacks/messages/" + message + "/retry", ""), 409, "was delivered");
        assertThat(api.get("/api/v1/audit").json().toString()).contains("CALLBACK_TEST_SENT").contains("CALLBACK_RETRIED")
                .contains("CALLBACK_ENDPOINT_ADDED");
    }

    @Test
    void aTicketFiledByHandIsHeardAsCreatedByHandAndALinkByKeyIsNot() {
        ProductApi.Reply filed = api.post("/api/v1/tickets",
                HandTickets.complete(clientKey, "an-cb", dev.ferry.simulator.rest.Users.MEMBER_ACCOUNT_ID).toString());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String key = filed.json().path("issueKey").asString();
        String other = jira.admin().createIssue("FERRY", "Bug", "Filed by a person in Jira");
        assertThat(api.post("/api/v1/links", "{\"site\":\"" + clientKey + "\",\"issueKey\":\"" + other
                + "\",\"subject\":{\"type\":\"anomaly\",\"id\":\"an-cb\",\"title\":\"Row count\"}}").status())
                .isEqualTo(201);

        CallbackDrain.drain(context);

        assertThat(receiver.accepted()).as("linking an existing ticket is not a ticket created").hasSize(1);
        JsonNode created = receiver.accepted().get(0).json();
        assertThat(created.path("type").asString()).isEqualTo("ticket.created");
        assertThat(created.path("data").path("issueKey").asString()).isEqualTo(key);
        assertThat(created.path("data").path("origin").asString()).isEqualTo("HAND");
        assertThat(created.path("data").path("object").path("id").asString()).isEqualTo("an-cb");
        assertThat(receiver.accepted().get(0).signatureValid()).isTrue();
    }

    /** Jira's webhook over an install; over the other kinds nothing comes, and the nightly reconcile finds it. */
    private void jiraTellsFerry(String event, String issueKey) {
        if (kind == SiteKind.INSTALL) {
            assertThat(jira.site().webhook(event, issueKey).status()).isEqualTo(204);
            InboxDrain.drain(context);
        } else {
            ReconcileRun.now(context);
        }
    }
}
