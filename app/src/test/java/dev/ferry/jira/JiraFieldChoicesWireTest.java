package dev.ferry.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.simulator.rest.Users;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The priority and assignable-user searches, and a create with an assignee, as the simulated site receives them. */
@JiraClientTest
class JiraFieldChoicesWireTest {

    static final SimulatedSite simulated = new SimulatedSite("jira-fields-site");

    @Autowired
    JiraFieldChoices fields;
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
        simulated.jira.data().assignable("FERRY", Users.MEMBER_ACCOUNT_ID, true);
    }

    @AfterAll
    static void stop() {
        simulated.close();
    }

    @Test
    void prioritiesAreEveryNameTheCreateScreenAllowsInTheSchemesOrder() {
        simulated.jira.data().priorities(List.of("P1", "P2", "P3"));
        try {
            assertThat(fields.priorities(site, "FERRY", "10002")).hasValue(List.of("P1", "P2", "P3"));
        } finally {
            simulated.jira.data().priorities(List.of("Highest", "High", "Medium", "Low", "Lowest"));
        }
        assertThat(fields.priorities(site, "FERRY", "10002")).hasValue(List.of("Highest", "High", "Medium", "Low", "Lowest"));
        assertThat(simulated.jira.calls()).extracting(call -> call.path())
                .allMatch(path -> path.equals("/rest/api/3/issue/createmeta/FERRY/issuetypes/10002"));
    }

    @Test
    void aCreateScreenWithoutThePriorityFieldAllowsNone() {
        simulated.jira.data().priorityOnCreateScreen("OPS", false);
        try {
            assertThat(fields.priorities(site, "OPS", "10001")).isEmpty();
        } finally {
            simulated.jira.data().priorityOnCreateScreen("OPS", true);
        }
    }

    @Test
    void assignableUsersAreFoundByNameAndCheckedByAccountId() {
        assertThat(fields.assignable(site, "FERRY", "Simulated M", 10)).extracting(JiraAccount::accountId)
                .containsExactly(Users.MEMBER_ACCOUNT_ID);
        assertThat(fields.assignable(site, "FERRY", "", 50)).extracting(JiraAccount::accountId)
                .contains(Users.ADMIN_ACCOUNT_ID, Users.MEMBER_ACCOUNT_ID);
        assertThat(fields.isAssignable(site, "FERRY", Users.MEMBER_ACCOUNT_ID)).isTrue();
        assertThat(fields.isAssignable(site, "FERRY", "557058:nobody")).isFalse();

        simulated.jira.data().assignable("FERRY", Users.MEMBER_ACCOUNT_ID, false);

        assertThat(fields.isAssignable(site, "FERRY", Users.MEMBER_ACCOUNT_ID)).isFalse();
    }

    @Test
    void aCreateCarriesTheAssigneeByAccountId() {
        IssueDraft draft = new IssueDraft("FERRY", null, "Bug", "Assigned", null, "Low", List.of(), Map.of(),
                Users.MEMBER_ACCOUNT_ID);

        CreatedIssue created = client.createIssue(site, draft);

        JsonNode body = JsonMapper.builder().build().readTree(simulated.jira.calls().stream()
                .filter(call -> call.method().equals("POST")).findFirst().orElseThrow().body());
        assertThat(body.at("/fields/assignee/accountId").asString()).isEqualTo(Users.MEMBER_ACCOUNT_ID);
        assertThat(simulated.jira.data().issueJson(created.key(), simulated.jira.baseUrl()).orElseThrow()
                .path("fields").path("assignee").path("accountId").asText()).isEqualTo(Users.MEMBER_ACCOUNT_ID);
    }
}
