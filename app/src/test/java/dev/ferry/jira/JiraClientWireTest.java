package dev.ferry.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.simulator.RecordedCall;
import dev.ferry.simulator.rest.Project;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each client method as the simulated site receives it, every request within Atlassian's OpenAPI spec. */
@JiraClientTest
class JiraClientWireTest {

    static final SimulatedSite simulated = new SimulatedSite("jira-wire-site");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JiraClient client;
    JiraSite site = simulated.site;

    @BeforeEach
    void forgetEarlierCalls() {
        simulated.jira.reset();
    }

    @AfterEach
    void everyRequestFollowedTheSpec() {
        simulated.jira.assertNoSpecViolations();
    }

    @AfterAll
    static void stop() {
        simulated.close();
    }

    @Test
    void createSendsTheFieldsAndTheMarkerPropertyInOneCall() {
        IssueDraft draft = new IssueDraft("FERRY", null, "Bug", "Checkout conversion dropped",
                SimulatedSite.adf("Conversion fell by 12 %"), "High", List.of("ferry", "guardrail"),
                Map.of(JiraClient.DELIVERY_PROPERTY, SimulatedSite.json("{\"id\":\"delivery-1\"}")));

        CreatedIssue created = client.createIssue(site, draft);

        RecordedCall call = only("POST", "/rest/api/3/issue");
        JsonNode body = JSON.readTree(call.body());
        assertThat(body.at("/fields/project/key").asString()).isEqualTo("FERRY");
        assertThat(body.at("/fields/issuetype/name").asString()).isEqualTo("Bug");
        assertThat(body.at("/fields/issuetype").has("id")).isFalse();
        assertThat(body.at("/fields/priority/name").asString()).isEqualTo("High");
        assertThat(body.at("/fields/labels/1").asString()).isEqualTo("guardrail");
        assertThat(body.at("/fields/description/type").asString()).isEqualTo("doc");
        assertThat(body.at("/properties/0/key").asString()).isEqualTo("ferry-delivery");
        assertThat(call.header("Authorization")).hasValueSatisfying(auth -> assertThat(auth).startsWith("JWT "));
        assertThat(created.key()).startsWith("FERRY-");
        assertThat(simulated.jira.data().issueProperty(created.key(), "ferry-delivery"))
                .hasValueSatisfying(marker -> assertThat(marker.path("id").asText()).isEqualTo("delivery-1"));
    }

    @Test
    void createByIssueTypeIdWithoutPriorityOmitsThem() {
        client.createIssue(site, new IssueDraft("OPS", "10001", null, "No priority", null, null, List.of(), Map.of()));

        JsonNode body = JSON.readTree(only("POST", "/rest/api/3/issue").body());
        assertThat(body.at("/fields/issuetype/id").asString()).isEqualTo("10001");
        assertThat(body.at("/fields").has("priority")).isFalse();
        assertThat(body.has("properties")).isFalse();
    }

    @Test
    void anIssueCreatedWithAMarkerIsFoundAmongTheRecentIssuesWithoutAPropertyClause() {
        Instant attempted = Instant.now();
        CreatedIssue created = client.createIssue(site, WireDrafts.marked("delivery-\"42\" \\ and more"));
        client.createIssue(site, WireDrafts.marked("delivery-43"));
        simulated.issueId("FERRY", "Unmarked");

        List<JiraIssue> found = client.findCreatedWithMarker(site, "FERRY", JiraClient.DELIVERY_PROPERTY,
                JiraClient.DELIVERY_PROPERTY_PATH, "delivery-\"42\" \\ and more", attempted);

        assertThat(found).extracting(JiraIssue::id).containsExactly(created.id());
        assertThat(found.get(0).statusCategory()).isEqualTo("new");
        // The site's FERRY issues the other tests created in the window may take more pages: the first says it all.
        JsonNode search = JSON.readTree(calls("POST", "/rest/api/3/search/jql").get(0).body());
        assertThat(search.path("jql").asString()).matches("project = \"FERRY\" AND created >= -[56]m ORDER BY created DESC");
        assertThat(search.path("jql").asString()).doesNotContain("issue.property");
        assertThat(search.path("properties")).extracting(JsonNode::asString).containsExactly("ferry-delivery");
        assertThat(search.path("fields").get(0).asString()).isEqualTo("status");
    }

    @Test
    void theRecoverySearchReachesBackToShortlyBeforeTheWriteWasAttempted() {
        client.findCreatedWithMarker(site, "OPS", JiraClient.DELIVERY_PROPERTY, JiraClient.DELIVERY_PROPERTY_PATH,
                "delivery-44", Instant.now().minus(Duration.ofMinutes(90)));

        JsonNode search = JSON.readTree(only("POST", "/rest/api/3/search/jql").body());
        assertThat(search.path("jql").asString()).matches("project = \"OPS\" AND created >= -9[56]m ORDER BY created DESC");
    }

    @Test
    void aCommentIsPostedAsAdfAndItsIdReturned() {
        String issueId = simulated.issueId("FERRY", "Commented");

        String commentId = client.addComment(site, issueId, SimulatedSite.adf("Still happening"));

        assertThat(commentId).isNotBlank();
        JsonNode body = JSON.readTree(only("POST", "/rest/api/3/issue/" + issueId + "/comment").body());
        assertThat(body.at("/body/content/0/content/0/text").asString()).isEqualTo("Still happening");
    }

    @Test
    void theSameRemoteLinkTwiceUpdatesIt() {
        String issueId = simulated.issueId("FERRY", "Linked");

        client.putRemoteLink(site, issueId, new RemoteLink("ferry:exp-1", "https://product.example/exp/1", "Exp 1", false));
        client.putRemoteLink(site, issueId, new RemoteLink("ferry:exp-1", "https://product.example/exp/1", "Exp 1", true));

        List<RecordedCall> posts = calls("POST", "/rest/api/3/issue/" + issueId + "/remotelink");
        assertThat(posts).hasSize(2);
        JsonNode body = JSON.readTree(posts.get(1).body());
        assertThat(body.path("globalId").asString()).isEqualTo("ferry:exp-1");
        assertThat(body.at("/object/url").asString()).isEqualTo("https://product.example/exp/1");
        assertThat(body.at("/object/status/resolved").asBoolean()).isTrue();
    }

    @Test
    void statusesOfMoreThanAHundredIssuesTakeSeveralSearchesAndLeaveDeletedOnesOut() {
        List<String> ids = new ArrayList<>(IntStream.range(0, 130).mapToObj(i -> simulated.issueId("OPS", "Issue " + i))
                .toList());
        simulated.jira.data().deleteIssue(ids.get(5));
        simulated.jira.data().deleteIssue(ids.get(120));

        List<JiraIssue> statuses = client.statuses(site, ids);

        assertThat(statuses).hasSize(128).extracting(JiraIssue::id).doesNotContain(ids.get(5), ids.get(120));
        assertThat(statuses).allSatisfy(issue -> assertThat(issue.statusName()).isEqualTo("To Do"));
        List<RecordedCall> searches = calls("POST", "/rest/api/3/search/jql");
        assertThat(searches).hasSize(2);
        assertThat(searches).allSatisfy(search -> assertThat(JSON.readTree(search.body()).path("jql").asString()
                .split(",")).hasSizeLessThanOrEqualTo(JiraClient.IDS_PER_SEARCH));
    }

    @Test
    void aSearchFollowsNextPageTokensToTheLastPage() {
        List<String> ids = IntStream.range(0, 105).mapToObj(i -> client.createIssue(site, WireDrafts.marked("batch-7")).id()).toList();

        List<JiraIssue> found = client.findCreatedWithMarker(site, "FERRY", "ferry-delivery", "id", "batch-7",
                Instant.now());

        assertThat(found).extracting(JiraIssue::id).containsExactlyInAnyOrderElementsOf(ids);
        List<RecordedCall> searches = calls("POST", "/rest/api/3/search/jql");
        assertThat(searches).hasSize(2);
        assertThat(JSON.readTree(searches.get(0).body()).has("nextPageToken")).isFalse();
        assertThat(JSON.readTree(searches.get(1).body()).path("nextPageToken").asString()).isNotBlank();
    }

    @Test
    void issueTypesReadsEveryPage() {
        List<Project.IssueType> many = IntStream.range(0, 230)
                .mapToObj(i -> new Project.IssueType(Integer.toString(20_000 + i), "Type " + i, i % 50 == 0)).toList();
        simulated.jira.data().addProject("10077", "MANY", "Many types", many);

        List<IssueType> types = client.issueTypes(site, "MANY");

        assertThat(types).hasSize(230);
        assertThat(types.get(229)).isEqualTo(new IssueType("20229", "Type 229", false));
        assertThat(types.get(50).subtask()).isTrue();
        assertThat(calls("GET", "/rest/api/3/issue/createmeta/MANY/issuetypes")).extracting(RecordedCall::query)
                .containsExactly("startAt=0&maxResults=200", "startAt=200&maxResults=200");
    }

    @Test
    void projectsReadsEveryPageOfTheProjectSearch() {
        IntStream.range(0, 120).forEach(i -> simulated.jira.data().addProject(Integer.toString(30_000 + i),
                "P%03d".formatted(i), "Project " + i, List.of(new Project.IssueType("10001", "Task", false))));

        int before = simulated.jira.data().projectCount();
        List<JiraProject> projects = client.projects(site);

        assertThat(projects).hasSize(before);
        assertThat(projects).contains(new JiraProject("10000", "FERRY", "Ferry demo"),
                new JiraProject("30119", "P119", "Project 119"));
        assertThat(calls("GET", "/rest/api/3/project/search")).extracting(RecordedCall::query)
                .startsWith("startAt=0&maxResults=100&action=create", "startAt=100&maxResults=100&action=create");
        IntStream.range(0, 120).forEach(i -> simulated.jira.data().removeProject("P%03d".formatted(i)));
    }

    @Test
    void deleteRemovesTheIssue() {
        String issueId = simulated.issueId("FERRY", "Doomed");

        client.deleteIssue(site, issueId);

        assertThat(only("DELETE", "/rest/api/3/issue/" + issueId).status()).isEqualTo(204);
        assertThat(simulated.jira.data().issueJson(issueId, simulated.jira.baseUrl())).isEmpty();
    }

    @Test
    void statusAndPropertyCallsKeepWorking() {
        String issueId = simulated.issueId("FERRY", "Badge");

        client.setIssueProperty(site, issueId, "ferry-badge", Map.of("label", "2"));
        JiraIssue issue = client.getIssueStatus(site, issueId);

        assertThat(issue.statusCategory()).isEqualTo("new");
        assertThat(simulated.jira.data().issueProperty(issueId, "ferry-badge")).isPresent();
        assertThat(only("GET", "/rest/api/3/issue/" + issueId).query()).isEqualTo("fields=status");
    }

    RecordedCall only(String method, String path) {
        assertThat(calls(method, path)).hasSize(1);
        return calls(method, path).get(0);
    }

    List<RecordedCall> calls(String method, String path) {
        return simulated.jira.calls().stream().filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
    }
}
