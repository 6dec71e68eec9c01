package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.simulator.JiraSimulator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a lost create's recovery asked the site: the project's recent issues with the marker property, never a
 * JQL {@code issue.property} clause, which real Jira answers only when an installed app indexes the property.
 */
final class RecoverySearches {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RecoverySearches() {
    }

    /** Fails unless Ferry searched for the marker among recent issues, and with no property clause anywhere. */
    static void searchedRecentIssuesForTheMarkerWithoutAPropertyClause(JiraSimulator jira) {
        List<JsonNode> searches = jira.calls().stream()
                .filter(call -> call.method().equals("POST")
                        && Journey.sitePath(call.path()).equals("/rest/api/3/search/jql"))
                .map(call -> JSON.readTree(call.body())).toList();
        assertThat(searches).allSatisfy(search -> assertThat(search.path("jql").asString()).doesNotContain("issue.property"));
        assertThat(searches).anySatisfy(search -> {
            assertThat(search.path("jql").asString()).matches("project = \"FERRY\" AND created >= -\\d+m ORDER BY created DESC");
            assertThat(search.path("properties")).extracting(JsonNode::asString).containsExactly("ferry-delivery");
        });
    }
}
