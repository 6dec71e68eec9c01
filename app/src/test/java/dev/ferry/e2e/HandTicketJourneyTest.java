package dev.ferry.e2e;

import static dev.ferry.e2e.ProductApi.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.simulator.rest.Users;
import dev.ferry.ticket.HandTicketDrain;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data-quality product files a ticket by hand for an anomaly, with all seven fields: it reaches Jira as
 * asked, with the anomaly's context appended, is linked to the anomaly at once and audited; the same
 * idempotency key never files a second; the site's choices are there to pick from; another organization
 * sees none of it.
 */
class HandTicketJourneyTest extends WithLinkedDestination {

    @Test
    void aTicketWithAllSevenFieldsReachesJiraLinkedToItsObjectAndAudited() throws Exception {
        int before = jira.data().issueCount();
        ProductApi.Reply filed = api.post("/api/v1/tickets",
                HandTickets.complete(clientKey, "an-7", Users.MEMBER_ACCOUNT_ID).toString());

        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        JsonNode ticket = filed.json();
        String key = ticket.path("issueKey").asString();
        assertThat(ticket.path("state").asString()).isEqualTo("CREATED");
        assertThat(ticket.path("issueUrl").asString()).isEqualTo(jira.baseUrl() + "/browse/" + key);
        assertThat(jira.data().issueCount()).isEqualTo(before + 1);
        var fields = jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("fields");
        assertThat(fields.path("project").path("key").asText()).isEqualTo("FERRY");
        assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Bug");
        assertThat(fields.path("summary").asText()).isEqualTo("Row count of orders dropped by 38%");
        assertThat(fields.path("priority").path("name").asText()).as("the site's spelling").isEqualTo("High");
        assertThat(fields.path("labels").toString()).isEqualTo("[\"data-quality\",\"orders\"]");
        assertThat(fields.path("assignee").path("accountId").asText()).isEqualTo(Users.MEMBER_ACCOUNT_ID);
        assertThat(fields.path("description").toString()).contains("38% fewer rows", "Context from Acme Experiments",
                "\"heading\"", "https://dq.example.com/anomalies/an-7", "orders");
        assertThat(browse(key)).contains("Row count of orders dropped by 38%", "High", "data-quality, orders",
                "Simulated Member", "38% fewer rows", "Context from Acme Experiments", "Row count dropped");

        JsonNode links = api.get("/api/v1/links?subjectType=anomaly&subjectId=an-7").json();
        assertThat(links).hasSize(1);
        assertThat(links.get(0).path("origin").asString()).isEqualTo("HAND");
        assertThat(links.get(0).path("id").asLong()).isEqualTo(ticket.path("linkId").asLong());
        assertThat(links.get(0).path("status").asString()).as("read once after the create, over every kind")
                .isEqualTo(jira.data().statusOf(key).orElseThrow());
        assertThat(links.get(0).path("statusKnown").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/tickets/" + ticket.path("id").asLong()).json().path("issueKey").asString())
                .isEqualTo(key);
        JsonNode audited = lastAudited("TICKET_CREATED_BY_HAND");
        assertThat(audited.path("target").asString()).isEqualTo(key);
        assertThat(audited.path("actor").asString()).as("by whom: the API key that asked").isEqualTo(keyActor());
        journey.assertNoSpecViolations();
    }

    @Test
    void theSameIdempotencyKeyAgainAnswersTheSameTicketAndNeverFilesASecond() {
        int before = jira.data().issueCount();
        String body = HandTickets.complete(clientKey, "an-8", Users.MEMBER_ACCOUNT_ID).toString();
        ProductApi.Reply first = api.post("/api/v1/tickets", body, "Idempotency-Key", "an-8-ticket");
        ProductApi.Reply again = api.post("/api/v1/tickets", body, "Idempotency-Key", "an-8-ticket");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(again.json().path("issueKey").asString()).isEqualTo(first.json().path("issueKey").asString());
        assertThat(jira.data().issueCount()).isEqualTo(before + 1);
        assertThat(journey.answered("POST", "/rest/api/3/issue")).isEqualTo(1);

        ObjectNode other = HandTickets.complete(clientKey, "an-8", Users.MEMBER_ACCOUNT_ID).put("summary", "Another");
        refused(api.post("/api/v1/tickets", other.toString(), "Idempotency-Key", "an-8-ticket"), 409,
                "was used for another ticket");
        assertThat(jira.data().issueCount()).isEqualTo(before + 1);
    }

    @Test
    void theSitesProjectsIssueTypesPrioritiesAndAssignableUsersAreThereToPickFrom() {
        String base = "/api/v1/sites/" + clientKey;
        ProductApi.Reply projects = api.get(base + "/projects");
        assertThat(projects.status()).as(projects.body()).isEqualTo(200);
        assertThat(projects.json().path("projects").findValuesAsString("key")).contains("FERRY", "OPS");
        assertThat(api.get(base + "/projects/FERRY/issue-types").json().findValuesAsString("name"))
                .containsExactly("Task", "Bug", "Story");
        JsonNode priorities = api.get(base + "/projects/FERRY/issue-types/Bug/priorities").json();
        assertThat(priorities.path("onCreateScreen").asBoolean()).isTrue();
        assertThat(priorities.path("priorities").findValuesAsString("name"))
                .containsExactly("Highest", "High", "Medium", "Low", "Lowest");
        assertThat(jira.calls()).as("the site-wide search needs manage:jira-configuration, which OAuth does not ask for")
                .noneMatch(call -> call.path().endsWith("/rest/api/3/priority/search"));
        JsonNode members = api.get(base + "/projects/FERRY/assignees?query=simulated%20m").json();
        assertThat(members.findValuesAsString("accountId")).containsExactly(Users.MEMBER_ACCOUNT_ID);
        refused(api.get(base + "/projects/NOPE/issue-types"), 404, "NOPE");
        journey.assertNoSpecViolations();
    }

    @Test
    void aConnectionsDefaultProjectIsUsedWhenNoneIsNamedAndAnInstallMustNameOne() {
        ObjectNode unnamed = HandTickets.complete(clientKey, "an-9", Users.MEMBER_ACCOUNT_ID);
        unnamed.remove("project");
        if (kind.isAppInstall()) {
            refused(api.post("/api/v1/tickets", unnamed.toString()), 400, "has no default project");
            assertThat(api.get("/api/v1/sites/" + clientKey + "/projects").json().path("defaultProject").asString(null))
                    .isNull();
            return;
        }
        // An API-token connection's default is edited over the API; an OAuth one's is set where it is connected.
        context.getBean(JdbcClient.class).sql("update jira_connection set default_project = 'OPS' where id = ?")
                .param(clientKey).update();
        assertThat(api.get("/api/v1/sites/" + clientKey + "/projects").json().path("defaultProject").asString())
                .isEqualTo("OPS");
        unnamed.set("description", ProductApi.JSON.readTree("{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":"
                + "\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"In ADF\",\"marks\":[{\"type\":\"strong\"}]}]}]}"));
        ProductApi.Reply filed = api.post("/api/v1/tickets", unnamed.put("issueType", "Task").toString());

        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String key = filed.json().path("issueKey").asString();
        assertThat(key).startsWith("OPS-");
        var description = jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("fields").path("description");
        assertThat(description.path("content").get(0).toString()).contains("In ADF", "strong");
        assertThat(description.toString()).contains("Context from Acme Experiments");
    }

    @Test
    void anotherOrganizationsKeyFindsNeitherTheSiteNorTheTicket() {
        ProductApi.Reply filed = api.post("/api/v1/tickets",
                HandTickets.complete(clientKey, "an-10", Users.MEMBER_ACCOUNT_ID).toString());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        int before = jira.data().issueCount();
        ProductApi other = journey.newOrganization("Other Org");

        refused(other.post("/api/v1/tickets", HandTickets.complete(clientKey, "an-10", Users.MEMBER_ACCOUNT_ID)
                .toString()), 404, clientKey);
        refused(other.get("/api/v1/tickets/" + filed.json().path("id").asLong()), 404, "no ticket");
        refused(other.get("/api/v1/sites/" + clientKey + "/projects"), 404, clientKey);
        refused(other.get("/api/v1/sites/" + clientKey + "/projects/FERRY/assignees"), 404, clientKey);
        assertThat(jira.data().issueCount()).isEqualTo(before);
        assertThat(HandTicketDrain.stored(context)).isEqualTo(1);
    }

    private String browse(String key) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(jira.baseUrl() + "/browse/" + key)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }
}
