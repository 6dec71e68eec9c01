package dev.ferry.e2e;

import static dev.ferry.e2e.ProductApi.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.objectstate.ObjectStateDrain;
import dev.ferry.principal.Role;
import dev.ferry.support.ConsoleClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The data-quality product tells Ferry what became of an anomaly: each state and comment lands once as a
 * timestamped comment on every ticket linked to the anomaly at that moment, the tickets' Jira status is never
 * touched, and the console shows the history beside the tickets.
 */
class ObjectStateJourneyTest extends ObjectStateJourneys {

    @Test
    void acknowledgingPutsOneTimestampedCommentOnEachLinkedTicketAndArchivingOneMore() {
        String first = linkedTicket("an-1");
        String second = linkedTicket("an-1");
        String status = jira.data().statusOf(first).orElseThrow();

        ProductApi.Reply posted = api.post(STATE, "{\"state\":\"acknowledged\",\"note\":\"Seen in the nightly load.\",\"by\":\"Dana\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        assertThat(posted.json().path("tickets")).hasSize(2);
        assertThat(ObjectStateDrain.drain(context)).isEqualTo(2);

        for (String key : List.of(first, second)) {
            assertThat(comments(key)).singleElement().asString()
                    .matches(HEADING + "status: Acknowledged\nSeen in the nightly load.\nby Dana");
        }
        assertThat(api.post(STATE, "{\"state\":\"archived\"}").status()).isEqualTo(202);
        ObjectStateDrain.drain(context);
        for (String key : List.of(first, second)) {
            assertThat(comments(key)).hasSize(2).last().asString().matches(HEADING + "status: Archived");
            assertThat(jira.data().statusOf(key)).contains(status);
        }
        assertThat(jira.calls()).noneMatch(call -> call.path().endsWith("/transitions") && call.method().equals("POST"));
        JsonNode history = api.get(STATE + "-history").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("state").asString()).isEqualTo("archived");
        assertThat(history.get(1).path("tickets").findValuesAsString("status")).containsExactly("DONE", "DONE");
        assertThat(objectStates("an-1")).containsOnly("archived");
        JsonNode audited = lastAudited("OBJECT_STATE_CHANGED");
        assertThat(audited.path("actor").asString()).as("by whom: the API key that told").isEqualTo(keyActor());
        assertThat(audited.path("target").asString()).isEqualTo("anomaly an-1");
    }

    @Test
    void aTicketLinkedAfterAChangeNeverReceivesItButGetsTheNextComment() {
        String early = linkedTicket("an-1");
        assertThat(api.post(STATE, "{\"state\":\"acknowledged\"}").status()).isEqualTo(202);
        String late = linkedTicket("an-1");
        ObjectStateDrain.drain(context);
        assertThat(comments(early)).hasSize(1);
        assertThat(comments(late)).isEmpty();

        ProductApi.Reply commented = api.post("/api/v1/objects/anomaly/an-1/comments", "{\"body\":\"Root cause: late feed.\",\"by\":\"Dana\"}");
        assertThat(commented.status()).as(commented.body()).isEqualTo(202);
        ObjectStateDrain.drain(context);
        assertThat(comments(early)).hasSize(2);
        assertThat(comments(late)).singleElement().asString().matches(HEADING + "comment:\nRoot cause: late feed.\nby Dana");
        JsonNode audited = lastAudited("OBJECT_COMMENTED");
        assertThat(audited.path("actor").asString()).as("by whom: the API key that told").isEqualTo(keyActor());
        assertThat(audited.path("detail").asString()).contains("Dana");
    }

    @Test
    void anObjectWithNoLinkedTicketIsNothingToDoAndNothingIsStored() {
        ProductApi.Reply posted = api.post(STATE, "{\"state\":\"acknowledged\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.json().path("outcome").asString()).isEqualTo("nothing to do");
        assertThat(posted.json().path("detail").asString()).contains("no Jira ticket is linked to anomaly an-1");
        assertThat(api.post("/api/v1/objects/anomaly/an-1/comments", "{\"body\":\"hello\"}").json()
                .path("outcome").asString()).isEqualTo("nothing to do");
        assertThat(api.get(STATE + "-history").json()).isEmpty();
        assertThat(rows("object_change")).isZero();
    }

    @Test
    void badInputIsRefusedClearlyAndNothingIsStoredOrSent() {
        String key = linkedTicket("an-1");
        refused(api.post(STATE, "{\"state\":\"\"}"), 400, "state");
        refused(api.post(STATE, "{\"state\":\"acknowledged\\narchived\"}"), 400, "one line");
        refused(api.post(STATE, "{\"state\":\"" + "x".repeat(65) + "\"}"), 400, "64");
        refused(api.post(STATE, "{\"state\":\"ok\",\"by\":\"Dana\\nEve\"}"), 400, "by");
        refused(api.post(STATE, "{\"state\":\"ok\",\"note\":\"" + "n".repeat(10_001) + "\"}"), 400, "note");
        refused(api.post("/api/v1/objects/anomaly/an-1/comments", "{\"body\":\" \"}"), 400, "body");
        refused(api.post("/api/v1/objects/Anomaly!/an-1/state", "{\"state\":\"ok\"}"), 400, "object type");

        ProductApi other = journey.newOrganization("Other Product");
        ProductApi.Reply foreign = other.post(STATE, "{\"state\":\"archived\"}");
        assertThat(foreign.status()).as("another organization sees no ticket of this object").isEqualTo(200);
        assertThat(foreign.json().path("outcome").asString()).isEqualTo("nothing to do");
        assertThat(other.get(STATE + "-history").json()).isEmpty();

        assertThat(rows("object_change")).isZero();
        assertThat(rows("object_change_comment")).isZero();
        assertThat(ObjectStateDrain.drain(context)).isZero();
        assertThat(comments(key)).isEmpty();
        assertThat(objectStates("an-1")).containsOnlyNulls();
    }

    @Test
    void theConsoleShowsTheObjectsStateHistoryBesideItsTickets() {
        String key = linkedTicket("an-1");
        api.post(STATE, "{\"state\":\"acknowledged\",\"note\":\"Seen <b>late</b>\",\"by\":\"Dana\"}");
        api.post("/api/v1/objects/anomaly/an-1/comments", "{\"body\":\"Root cause found\"}");
        ObjectStateDrain.drain(context);
        var people = context.getBean(People.class);

        String page = ConsoleClient.signIn(journey.port(), people.create(api.organizationId(), Role.MEMBER))
                .get("/admin/links?subjectType=anomaly&subjectId=an-1").body();
        String history = page.substring(page.indexOf("data-testid=\"state-history\""));
        assertThat(history).contains("State: Acknowledged").contains("by Dana").contains("Comment")
                .contains("Root cause found").contains("Seen &lt;b&gt;late&lt;/b&gt;").contains(key).contains("Commented")
                .containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
        assertThat(history.indexOf("Comment")).as("newest first").isLessThan(history.indexOf("State: Acknowledged"));

        ProductApi other = journey.newOrganization("Other Product");
        String foreign = ConsoleClient.signIn(journey.port(), people.create(other.organizationId(), Role.ADMIN))
                .get("/admin/links?subjectType=anomaly&subjectId=an-1").body();
        assertThat(foreign).contains("No state or comment was sent").doesNotContain("Acknowledged");
    }
}
