package dev.ferry.simulator;

import static dev.ferry.simulator.SimulatedCredentialsTest.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.rest.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /rest/api/3/mypermissions}: what the authenticated user may do, settable per account. */
class SimulatedMyPermissionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASK = "/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,CREATE_ISSUES,ADD_COMMENTS,ADMINISTER";
    private JiraSimulator jira;

    @BeforeEach
    void start() {
        jira = JiraSimulator.start();
        jira.credentials().addApiToken("admin@simulated.example", "admin-token");
        jira.credentials().addApiToken("member@simulated.example", "member-token");
    }

    @AfterEach
    void stop() {
        jira.close();
    }

    @Test
    void theSiteAdminHoldsEveryAskedPermissionInJirasShape() throws Exception {
        JsonNode permissions = mine("admin@simulated.example", "admin-token").path("permissions");

        assertThat(permissions.fieldNames()).toIterable()
                .containsExactly("BROWSE_PROJECTS", "CREATE_ISSUES", "ADD_COMMENTS", "ADMINISTER");
        assertThat(permissions.path("ADMINISTER").path("id").asText()).isEqualTo("0");
        assertThat(permissions.path("ADMINISTER").path("key").asText()).isEqualTo("ADMINISTER");
        assertThat(permissions.path("ADMINISTER").path("type").asText()).isEqualTo("GLOBAL");
        assertThat(permissions.path("BROWSE_PROJECTS").path("id").asText()).isEqualTo("10");
        permissions.forEach(permission -> assertThat(permission.path("havePermission").asBoolean()).isTrue());
        jira.assertNoSpecViolations();
    }

    @Test
    void aMemberUsesProjectsButDoesNotAdministerJira() throws Exception {
        JsonNode permissions = mine("member@simulated.example", "member-token").path("permissions");

        assertThat(permissions.path("BROWSE_PROJECTS").path("havePermission").asBoolean()).isTrue();
        assertThat(permissions.path("ADD_COMMENTS").path("havePermission").asBoolean()).isTrue();
        assertThat(permissions.path("ADMINISTER").path("havePermission").asBoolean()).isFalse();
    }

    @Test
    void aTestTakesAwayOrGrantsAPermissionPerAccount() throws Exception {
        jira.data().grant(Users.ADMIN_ACCOUNT_ID, "ADMINISTER", false);
        jira.data().grant(Users.MEMBER_ACCOUNT_ID, "ADMINISTER", true);
        jira.data().grant(Users.MEMBER_ACCOUNT_ID, "CREATE_ISSUES", false);

        JsonNode admin = mine("admin@simulated.example", "admin-token").path("permissions");
        JsonNode member = mine("member@simulated.example", "member-token").path("permissions");

        assertThat(admin.path("ADMINISTER").path("havePermission").asBoolean()).isFalse();
        assertThat(member.path("ADMINISTER").path("havePermission").asBoolean()).isTrue();
        assertThat(member.path("CREATE_ISSUES").path("havePermission").asBoolean()).isFalse();
    }

    @Test
    void noPermissionsOrAnUnknownOneIsA400AndAMissingProjectA404() throws Exception {
        String admin = basic("admin@simulated.example", "admin-token");

        assertThat(SiteRequests.send(jira, "GET", "/rest/api/3/mypermissions", null, admin).statusCode()).isEqualTo(400);
        assertThat(SiteRequests.send(jira, "GET", "/rest/api/3/mypermissions?permissions=BROWSE", null, admin).statusCode())
                .isEqualTo(400);
        assertThat(SiteRequests.send(jira, "GET", ASK + "&projectKey=NOPE", null, admin).statusCode()).isEqualTo(404);
        assertThat(SiteRequests.send(jira, "GET", ASK + "&projectKey=FERRY", null, admin).statusCode()).isEqualTo(200);
    }

    private JsonNode mine(String email, String token) throws Exception {
        var response = SiteRequests.send(jira, "GET", ASK, null, basic(email, token));
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
