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
    void prioritiesAreEveryNameOfTheSchemeInItsOrder() {
        simulated.jira.data().priorities(List.of("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10", "P11",
                "P12", "P13", "P14", "P15", "P16", "P17", "P18", "P19", "P20", "P21", "P22", "P23", "P24", "P25", "P26",
                "P27", "P28", "P29", "P30", "P31", "P32", "P33", "P34", "P35", "P36", "P37", "P38", "P39", "P40", "P41",
                "P42", "P43", "P44", "P45", "P46", "P47", "P48", "P49", "P50", "P51"));
        try {
            assertThat(fields.priorities(site)).hasSize(51).startsWith("P1", "P2").endsWith("P51");
        } finally {
            simulated.jira.data().priorities(List.of("Highest", "High", "Medium", "Low", "Lowest"));
        }
        assertThat(fields.priorities(site)).containsExactly("Highest", "High", "Medium", "Low", "Lowest");
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
