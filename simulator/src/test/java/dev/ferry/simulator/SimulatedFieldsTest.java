package dev.ferry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.rest.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The create screen's fields: the priority scheme, the assignable users, and the create that checks them. */
class SimulatedFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JiraSimulator jira;

    @BeforeAll
    static void start() {
        jira = JiraSimulator.start();
        jira.credentials().addApiToken("bot@example.com", "token-1");
    }

    @AfterAll
    static void stop() {
        jira.close();
    }

    @AfterEach
    void everyoneMayBeAssignedAgain() {
        jira.data().assignable("FERRY", Users.MEMBER_ACCOUNT_ID, true);
        jira.data().priorityOnCreateScreen("FERRY", true);
    }

    @Test
    void theCreateScreenListsThePrioritiesItAllowsUntilThePriorityFieldLeavesIt() throws Exception {
        JsonNode screen = get("/rest/api/3/issue/createmeta/FERRY/issuetypes/10002");
        JsonNode priority = field(screen, "priority");
        assertThat(priority.path("allowedValues").findValuesAsText("name"))
                .containsExactly("Highest", "High", "Medium", "Low", "Lowest");
        JsonNode firstTwo = get("/rest/api/3/issue/createmeta/FERRY/issuetypes/10002?startAt=0&maxResults=2");
        assertThat(firstTwo.path("fields")).hasSize(2);
        assertThat(firstTwo.path("total").asInt()).isEqualTo(screen.path("total").asInt());

        jira.data().priorityOnCreateScreen("FERRY", false);

        assertThat(field(get("/rest/api/3/issue/createmeta/FERRY/issuetypes/10002"), "priority").isMissingNode()).isTrue();
        HttpResponse<String> refused = SiteRequests.basic(jira, "POST", "/rest/api/3/issue", create("High", "dq",
                Users.MEMBER_ACCOUNT_ID));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("errors").path("priority").asText()).contains("not on the appropriate screen");
        assertThat(SiteRequests.basic(jira, "GET", "/rest/api/3/issue/createmeta/FERRY/issuetypes/Bug", null)
                .statusCode()).as("Jira takes the issue type's id").isEqualTo(404);
        jira.assertNoSpecViolations();
    }

    private static JsonNode field(JsonNode screen, String fieldId) {
        for (JsonNode field : screen.path("fields")) {
            if (field.path("fieldId").asText().equals(fieldId)) {
                return field;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    @Test
    void thePrioritySearchPagesThroughTheSchemeInItsOrder() throws Exception {
        JsonNode first = get("/rest/api/3/priority/search?startAt=0&maxResults=2");
        JsonNode rest = get("/rest/api/3/priority/search?startAt=2&maxResults=50");

        assertThat(first.path("values").findValuesAsText("name")).containsExactly("Highest", "High");
        assertThat(first.path("isLast").asBoolean()).isFalse();
        assertThat(rest.path("values").findValuesAsText("name")).containsExactly("Medium", "Low", "Lowest");
        assertThat(rest.path("isLast").asBoolean()).isTrue();
        jira.assertNoSpecViolations();
    }

    @Test
    void theAssignableSearchFindsPeopleByNameOrAccountIdButNeverOneWhoMayNotBeAssigned() throws Exception {
        assertThat(get("/rest/api/3/user/assignable/search?project=FERRY&query=simulated").findValuesAsText("accountId"))
                .contains(Users.ADMIN_ACCOUNT_ID, Users.MEMBER_ACCOUNT_ID);
        String byId = "/rest/api/3/user/assignable/search?project=FERRY&accountId=" + Users.MEMBER_ACCOUNT_ID;
        assertThat(get(byId).findValuesAsText("accountId")).containsExactly(Users.MEMBER_ACCOUNT_ID);
        assertThat(get("/rest/api/3/user/assignable/search?project=FERRY&accountId=557058:nobody")).isEmpty();

        jira.data().assignable("FERRY", Users.MEMBER_ACCOUNT_ID, false);

        assertThat(get(byId)).isEmpty();
        assertThat(SiteRequests.basic(jira, "GET", "/rest/api/3/user/assignable/search?project=NOPE&query=a", null)
                .statusCode()).isEqualTo(404);
        jira.assertNoSpecViolations();
    }

    @Test
    void aCreateWithAnUnknownPriorityASpacedLabelOrAnUnassignableAssigneeIsRefusedFieldByField() throws Exception {
        jira.data().assignable("FERRY", Users.MEMBER_ACCOUNT_ID, false);
        int before = jira.data().issueCount();

        HttpResponse<String> refused = SiteRequests.basic(jira, "POST", "/rest/api/3/issue", create("Blocker",
                "two words", Users.MEMBER_ACCOUNT_ID));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("errors").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("priority", "labels", "assignee");
        assertThat(jira.data().issueCount()).isEqualTo(before);
    }

    @Test
    void anIssueFiledWithEveryFieldShowsThemOnItsPage() throws Exception {
        HttpResponse<String> created = SiteRequests.basic(jira, "POST", "/rest/api/3/issue", create("high", "dq",
                Users.MEMBER_ACCOUNT_ID));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = JSON.readTree(created.body()).path("key").asText();

        JsonNode fields = JSON.readTree(SiteRequests.basic(jira, "GET", "/rest/api/3/issue/" + key, null).body())
                .path("fields");
        assertThat(fields.path("priority").path("name").asText()).isEqualTo("High");
        assertThat(fields.path("assignee").path("accountId").asText()).isEqualTo(Users.MEMBER_ACCOUNT_ID);
        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(jira.baseUrl() + "/browse/" + key))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("High", "dq", "Simulated Member", "Described here");
        jira.assertNoSpecViolations();
    }

    private static String create(String priority, String label, String assignee) {
        return """
                {"fields":{"project":{"key":"FERRY"},"issuetype":{"name":"Bug"},"summary":"Rows dropped",
                 "description":{"version":1,"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Described here"}]}]},
                 "priority":{"name":"%s"},"labels":["%s"],"assignee":{"accountId":"%s"}}}""".formatted(priority, label, assignee);
    }

    private static JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> response = SiteRequests.basic(jira, "GET", pathAndQuery, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
