package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.Role;
import dev.ferry.support.ConsoleClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A Manager files a ticket for an anomaly through the console's form, over every connection kind: the ticket
 * carries the same context the product's own API call would (the anomaly's state and key facts, as Ferry knows
 * them, though the form asks for neither), and the audit names the person who sent it.
 */
class HandTicketFormJourneyTest extends ObjectStateJourneys {

    static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    @Test
    void aTicketFiledThroughTheFormCarriesTheObjectsStateAndKeyFactsAndIsAuditedAsThePerson() {
        linkedTicket("an-1");
        assertThat(api.post(STATE, "{\"state\":\"acknowledged\"}").status()).isEqualTo(202);
        ProductApi.Reply event = api.post("/api/v1/events", """
                {"type":"experiment.guardrail_breached",
                 "subject":{"type":"anomaly","id":"an-1","title":"Late rows"},
                 "variables":{"experimentName":"Nightly load","guardrailMetric":"Row freshness","observedValue":7,
                   "thresholdValue":2,"breachDirection":"above","detectedAt":"2026-11-25T10:00:00Z",
                   "resultsUrl":"https://dq.example.com/anomalies/an-1"}}""");
        assertThat(event.status()).as(event.body()).isEqualTo(202);
        People.Login manager = context.getBean(People.class).create(api.organizationId(), Role.MANAGER);
        ConsoleClient console = ConsoleClient.signIn(journey.port(), manager);
        Matcher key = KEY.matcher(console.get("/admin/tickets/new?site=" + clientKey
                + "&subjectType=anomaly&subjectId=an-1").body());
        assertThat(key.find()).isTrue();

        var filed = console.post("/admin/tickets/new", "site", clientKey, "project", "FERRY", "issueType", "Task",
                "summary", "Rows arrive late", "description", "Filed from the console.", "subjectType", "anomaly",
                "subjectId", "an-1", "subjectTitle", "Late rows", "idempotencyKey", key.group(1));

        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(303);
        JsonNode hand = handLink();
        String description = issue(hand.path("issueKey").asString()).path("fields").path("description").toString();
        assertThat(description).contains("Filed from the console.", "Context from Acme Experiments")
                .as("the state Ferry knows").contains("acknowledged")
                .as("the key facts of the newest event about it").contains("guardrailMetric", "Row freshness");
        JsonNode audited = lastAudited("TICKET_CREATED_BY_HAND");
        assertThat(audited.path("target").asString()).isEqualTo(hand.path("issueKey").asString());
        assertThat(audited.path("actor").asString()).as("by whom: the person who sent the form")
                .isEqualTo("user:" + manager.email());
    }

    private JsonNode handLink() {
        for (JsonNode link : api.get("/api/v1/links?subjectType=anomaly&subjectId=an-1").json()) {
            if (link.path("origin").asString().equals("HAND")) {
                return link;
            }
        }
        throw new AssertionError("no ticket filed by hand is linked to an-1");
    }
}
