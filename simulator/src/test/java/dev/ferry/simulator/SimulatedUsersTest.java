package dev.ferry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The site's users as Jira answers them: every account page by page (apps and deactivated ones too), the search
 * by name or visible email, one user, users in bulk; a private email in no answer; and each user under their
 * own name where an issue names them.
 */
class SimulatedUsersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JiraSimulator jira;

    @BeforeAll
    static void start() {
        jira = JiraSimulator.start();
        jira.credentials().addApiToken("bot@example.com", "token-1");
        jira.data().accounts().add("557058:ada", "ada@acme.example", "Ada Lovelace");
        jira.data().accounts().add("557058:grace", "grace@acme.example", "Grace Hopper");
        jira.data().accounts().add("557058:gone", "gone@acme.example", "Gone Away");
        jira.data().accounts().deactivate("557058:gone");
        jira.data().accounts().hideEmail("557058:grace", true);
        jira.data().accounts().app("some-app");
    }

    @AfterAll
    static void stop() {
        jira.close();
    }

    @Test
    void everyAccountIsListedPageByPageWithItsTypeAndState() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (int startAt = 0; ; startAt += 2) {
            JsonNode page = get("/rest/api/3/users/search?startAt=" + startAt + "&maxResults=2");
            assertThat(page.size()).isLessThanOrEqualTo(2);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(all::add);
        }
        assertThat(all.stream().map(u -> u.path("accountId").asText()))
                .contains("557058:ada", "557058:grace", "557058:gone").doesNotHaveDuplicates();
        JsonNode gone = user(all, "557058:gone");
        assertThat(gone.path("active").asBoolean()).isFalse();
        assertThat(user(all, "557058:ada").path("emailAddress").asText()).isEqualTo("ada@acme.example");
        assertThat(user(all, "557058:grace").has("emailAddress")).as("a private email is in no answer").isFalse();
        assertThat(all.stream().anyMatch(u -> "app".equals(u.path("accountType").asText()))).isTrue();
        jira.assertNoSpecViolations();
    }

    @Test
    void theSearchFindsANamePrefixOrAVisibleEmailButNeverAPrivateOne() throws Exception {
        assertThat(get("/rest/api/3/user/search?query=ada").findValuesAsText("accountId")).containsExactly("557058:ada");
        assertThat(get("/rest/api/3/user/search?query=ADA@acme.example").findValuesAsText("accountId"))
                .containsExactly("557058:ada");
        assertThat(get("/rest/api/3/user/search?query=grace@acme.example")).isEmpty();
        assertThat(get("/rest/api/3/user/search?query=Grace").findValuesAsText("accountId")).containsExactly("557058:grace");
        assertThat(SiteRequests.basic(jira, "GET", "/rest/api/3/user/search", null).statusCode()).isEqualTo(400);
    }

    @Test
    void oneUserAndUsersInBulkAreAnsweredByAccountId() throws Exception {
        JsonNode ada = get("/rest/api/3/user?accountId=557058:ada");
        assertThat(ada.path("displayName").asText()).isEqualTo("Ada Lovelace");
        assertThat(SiteRequests.basic(jira, "GET", "/rest/api/3/user?accountId=557058:nobody", null).statusCode())
                .isEqualTo(404);

        JsonNode first = get("/rest/api/3/user/bulk?accountId=557058:ada&accountId=557058:gone&accountId=557058:nobody"
                + "&maxResults=1");
        assertThat(first.path("total").asInt()).isEqualTo(2);
        assertThat(first.path("isLast").asBoolean()).isFalse();
        assertThat(first.path("values").findValuesAsText("accountId")).containsExactly("557058:ada");
        JsonNode second = get("/rest/api/3/user/bulk?accountId=557058:ada&accountId=557058:gone&accountId=557058:nobody"
                + "&startAt=1&maxResults=1");
        assertThat(second.path("values").findValuesAsText("accountId")).containsExactly("557058:gone");
        assertThat(second.path("isLast").asBoolean()).isTrue();
    }

    @Test
    void anIssueNamesItsReporterByTheirOwnName() throws Exception {
        HttpResponse<String> created = SiteRequests.basic(jira, "POST", "/rest/api/3/issue",
                "{\"fields\":{\"project\":{\"key\":\"FERRY\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"Named\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = JSON.readTree(created.body()).path("key").asText();
        JsonNode reporter = get("/rest/api/3/issue/" + key).path("fields").path("reporter");
        assertThat(reporter.path("emailAddress").asText()).isEqualTo("bot@example.com");
        assertThat(reporter.path("displayName").asText()).isEqualTo("bot").isNotEqualTo("Simulated Admin");
    }

    private static JsonNode user(List<JsonNode> users, String accountId) {
        return users.stream().filter(u -> accountId.equals(u.path("accountId").asText())).findFirst().orElseThrow();
    }

    private static JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> response = SiteRequests.basic(jira, "GET", pathAndQuery, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
