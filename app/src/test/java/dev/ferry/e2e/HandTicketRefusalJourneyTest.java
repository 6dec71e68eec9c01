package dev.ferry.e2e;

import static dev.ferry.e2e.ProductApi.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.simulator.fault.Fault;
import dev.ferry.simulator.rest.Users;
import dev.ferry.ticket.HandTicketDrain;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each bad input of a ticket filed by hand is refused before anything is stored or filed, with a problem
 * naming the field; Jira's own refusal comes back in Jira's words, field by field, and nothing is linked.
 */
class HandTicketRefusalJourneyTest extends WithLinkedDestination {

    @AfterEach
    void everyoneMayBeAssignedAgain() {
        jira.data().assignable("FERRY", Users.MEMBER_ACCOUNT_ID, true);
        jira.data().priorityOnCreateScreen("FERRY", true);
    }

    @Test
    void eachBadFieldIsRefusedByNameAndNothingIsFiledOrStored() {
        badInput(body -> body.put("project", "NOPE"), 400, "/project", "no project NOPE");
        badInput(body -> body.put("issueType", "Epic"), 400, "/issueType", "no issue type Epic");
        badInput(body -> body.put("summary", " "), 400, "/summary", "summary is required");
        badInput(body -> body.put("summary", "two\nlines"), 400, "/summary", "one line");
        badInput(body -> body.put("summary", "x".repeat(256)), 400, "/summary", "255");
        badInput(body -> body.put("priority", "Blocker"), 400, "/priority", "no priority Blocker");
        badInput(body -> body.putArray("labels").add("data quality"), 400, "/labels/0", "spaces");
        badInput(body -> body.put("assignee", "557058:nobody-here"), 400, "/assignee", "557058:nobody-here");
        badInput(body -> body.set("description", ProductApi.JSON.readTree(
                "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"\"}]}]}")),
                400, "/description", "ADF");
        badInput(body -> body.remove("object"), 400, "/object", "object is required");
        withoutDefaultProject();
        badInput(body -> body.remove("project"), 400, "/project", "has no default project");
        journey.assertNoSpecViolations();
    }

    @Test
    void aPriorityForACreateScreenWithoutThePriorityFieldIsRefusedBeforeAnyCreate() {
        jira.data().priorityOnCreateScreen("FERRY", false);

        badInput(body -> { }, 400, "/priority", "has no Priority field, so Jira would refuse any priority");
        JsonNode offered = api.get("/api/v1/sites/" + clientKey + "/projects/FERRY/issue-types/Bug/priorities").json();
        assertThat(offered.path("onCreateScreen").asBoolean(true)).isFalse();
        assertThat(offered.path("priorities")).isEmpty();

        ProductApi.Reply filed = api.post("/api/v1/tickets", body().put("priority", (String) null).toString());
        assertThat(filed.status()).as("without a priority Jira takes it: " + filed.body()).isEqualTo(201);
        journey.assertNoSpecViolations();
    }

    @Test
    void aUserJiraWillNotLetBeAssignedIsRefusedBeforeAnyCreate() {
        jira.data().assignable("FERRY", Users.MEMBER_ACCOUNT_ID, false);

        badInput(body -> { }, 400, "/assignee", Users.MEMBER_ACCOUNT_ID);
    }

    @Test
    void aSiteNotLinkedToTheOrganizationIsNotFound() {
        int before = jira.data().issueCount();

        refused(api.post("/api/v1/tickets", body().put("site", "no-such-site").toString()), 404, "no-such-site");
        refused(api.get("/api/v1/tickets/999999"), 404, "no ticket");
        assertThat(jira.data().issueCount()).isEqualTo(before);
        assertThat(HandTicketDrain.stored(context)).isZero();
    }

    @Test
    void jirasOwnRefusalComesBackInJirasWordsFieldByFieldAndNothingIsLinked() {
        jira.faults().add("POST", "/rest/api/3/issue", Fault.fieldError("customfield_10020", "Sprint is required."), 1);
        int before = jira.data().issueCount();

        ProductApi.Reply reply = api.post("/api/v1/tickets", body().toString(), "Idempotency-Key", "refused-once");

        refused(reply, 400, "Sprint is required.");
        assertThat(reply.json().path("errors").get(0).path("detail").asString())
                .isEqualTo("Jira refused customfield_10020: Sprint is required.");
        assertThat(jira.data().issueCount()).isEqualTo(before);
        assertThat(api.get("/api/v1/links?subjectType=anomaly&subjectId=an-20").json()).isEmpty();
        refused(api.post("/api/v1/tickets", body().toString(), "Idempotency-Key", "refused-once"), 400,
                "Sprint is required.");
        assertThat(jira.data().issueCount()).as("the failed key is not tried again").isEqualTo(before);
    }

    /**
     * An install never has a default project; a token or OAuth connection's is cleared, as a connection made
     * without one would be.
     */
    private void withoutDefaultProject() {
        if (!kind.isAppInstall()) {
            context.getBean(JdbcClient.class).sql("update jira_connection set default_project = null where id = ?")
                    .param(clientKey).update();
        }
        assertThat(api.get("/api/v1/sites/" + clientKey + "/projects").json().path("defaultProject").asString(null))
                .isNull();
    }

    private ObjectNode body() {
        return HandTickets.complete(clientKey, "an-20", Users.MEMBER_ACCOUNT_ID);
    }

    private void badInput(Consumer<ObjectNode> change, int status, String pointer, String detail) {
        int before = jira.data().issueCount();
        ObjectNode body = body();
        change.accept(body);

        ProductApi.Reply reply = api.post("/api/v1/tickets", body.toString());

        refused(reply, status, detail);
        JsonNode errors = reply.json().path("errors");
        assertThat(errors.findValuesAsString("pointer")).as(reply.body()).contains(pointer);
        assertThat(jira.data().issueCount()).as("nothing filed for " + pointer).isEqualTo(before);
        assertThat(journey.answered("POST", "/rest/api/3/issue")).as("Jira not even asked").isZero();
        assertThat(HandTicketDrain.stored(context)).as("nothing stored for " + pointer).isZero();
        assertThat(api.get("/api/v1/links?subjectType=anomaly&subjectId=an-20").json()).isEmpty();
    }
}
