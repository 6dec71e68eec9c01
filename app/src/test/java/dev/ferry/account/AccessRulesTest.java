package dev.ferry.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.principal.Role;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may do what in the admin UI, enforced by the server whatever the pages show. */
@FerryIntegrationTest
class AccessRulesTest {

    /** One of each kind of change the console offers; the pages themselves may come later. */
    static final List<String> INTEGRATION_CHANGES = List.of("/admin/integrations/jira",
            "/admin/integrations/jira/some-site/disconnect", "/admin/destinations", "/admin/destinations/d1/rules/e1",
            "/admin/destinations/d1/test-ticket", "/admin/deliveries/d1/retry", "/admin/links", "/admin/links/l1/remove");
    /** Pages that configure how Ferry reaches Jira; the ids need not exist, the refusal comes first. */
    static final List<String> CONFIGURATION_PAGES = List.of("/admin/connections", "/admin/connections/c1",
            "/admin/connections/c1/delete", "/admin/connections/c1/test", "/admin/connections/oauth/pick",
            "/admin/destinations", "/admin/destinations/d1", "/admin/destinations/d1/project",
            "/admin/destinations/d1/test-ticket");
    static final List<String> PEOPLE_CHANGES = List.of("/admin/users", "/admin/users/u1/role",
            "/admin/users/u1/reset-password", "/admin/users/u1/remove");

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;

    String orgId;

    @BeforeEach
    void organization() {
        orgId = organizations.create("Acme").id();
    }

    @Test
    void aMemberIsRefusedEveryChangeWithAReadablePage() {
        var member = ConsoleClient.signIn(port, people.create(orgId, Role.MEMBER));

        for (String path : concat(INTEGRATION_CHANGES, PEOPLE_CHANGES)) {
            var answer = member.post(path, "name", "value");
            assertThat(answer.statusCode()).as("POST " + path).isEqualTo(403);
            assertThat(answer.body()).as(path).contains("Your role does not allow this").contains("Sign out");
        }
    }

    @Test
    void aMemberSeesSitesTicketsAndDeliveriesButNotPeople() {
        var member = ConsoleClient.signIn(port, people.create(orgId, Role.MEMBER));

        for (String path : List.of("/admin", "/admin/integrations/jira", "/admin/links", "/admin/deliveries", "/admin/audit")) {
            assertThat(member.get(path).statusCode()).as("GET " + path).isEqualTo(200);
        }
        assertThat(member.get("/admin/integrations/jira").body()).doesNotContain("href=\"/admin/users\"");
        assertThat(member.get("/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void aMemberIsShownA403PageForEveryConfigurationPageAndNoNavEntryForThem() {
        var member = ConsoleClient.signIn(port, people.create(orgId, Role.MEMBER));

        for (String path : CONFIGURATION_PAGES) {
            var answer = member.get(path);
            assertThat(answer.statusCode()).as("GET " + path).isEqualTo(403);
            assertThat(answer.body()).as(path).contains("Your role does not allow this")
                    .contains("only Admins and Managers see them").contains("Sign out");
        }
        assertThat(member.get("/admin/api-keys").statusCode()).isEqualTo(403);
        assertThat(member.get("/admin/settings").statusCode()).isEqualTo(403);
        String home = member.get("/admin").body();
        assertThat(home).contains("href=\"/admin/links\"").contains("href=\"/admin/deliveries\"")
                .doesNotContain("href=\"/admin/connections\"").doesNotContain("href=\"/admin/destinations\"")
                .doesNotContain("href=\"/admin/api-keys\"").doesNotContain("href=\"/admin/settings\"");
    }

    @Test
    void aManagerSeesTheConfigurationPagesAndTheirNavEntries() {
        var manager = ConsoleClient.signIn(port, people.create(orgId, Role.MANAGER));

        assertThat(manager.get("/admin/connections").statusCode()).isEqualTo(200);
        assertThat(manager.get("/admin/destinations").statusCode()).isEqualTo(200);
        assertThat(manager.get("/admin").body()).contains("href=\"/admin/connections\"")
                .contains("href=\"/admin/destinations\"").doesNotContain("href=\"/admin/settings\"");
    }

    @Test
    void aManagerChangesIntegrationsButCannotReachPeople() {
        var manager = ConsoleClient.signIn(port, people.create(orgId, Role.MANAGER));

        for (String path : INTEGRATION_CHANGES) {
            assertThat(manager.post(path, "name", "value").statusCode()).as("POST " + path).isNotEqualTo(403);
        }
        assertThat(manager.get("/admin/users").statusCode()).isEqualTo(403);
        for (String path : PEOPLE_CHANGES) {
            assertThat(manager.post(path, "role", "ADMIN").statusCode()).as("POST " + path).isEqualTo(403);
        }
    }

    @Test
    void anAdminReachesPeople() {
        var admin = ConsoleClient.signIn(port, people.create(orgId, Role.ADMIN));

        assertThat(admin.get("/admin/users").statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/integrations/jira").body()).contains("href=\"/admin/users\"");
    }

    @Test
    void everyoneMayChangeTheirOwnPasswordAndSignOut() {
        var login = people.create(orgId, Role.MEMBER);
        var member = ConsoleClient.signIn(port, login);

        var changed = member.post("/admin/password", "current", login.password(), "chosen", "another long password",
                "repeated", "another long password");
        assertThat(changed.statusCode()).isEqualTo(303);
        var signedOut = member.post("/admin/logout");
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/admin/login?signedOut"));
        assertThat(member.get("/admin/integrations/jira").statusCode()).as("signed out").isEqualTo(302);
    }

    @Test
    void nobodySignedInIsSentToTheLoginPage() {
        var anonymous = ConsoleClient.anonymous(port);

        var page = anonymous.get("/admin/destinations");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/admin/login"));
        assertThat(anonymous.post("/admin/destinations", "name", "value").statusCode()).isEqualTo(302);
        assertThat(anonymous.get("/admin/login").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/admin/assets/console.css").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/admin/assets/htmx/htmx.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void aRoleChangeCountsAtTheNextRequestWithoutSigningInAgain() {
        var login = people.create(orgId, Role.MANAGER);
        var manager = ConsoleClient.signIn(port, login);
        var admin = ConsoleClient.signIn(port, people.create(orgId, Role.ADMIN));

        assertThat(admin.post("/admin/users/" + login.userId() + "/role", "role", "MEMBER").statusCode()).isEqualTo(303);

        assertThat(manager.post("/admin/destinations", "name", "value").statusCode()).isEqualTo(403);
        assertThat(admin.post("/admin/users/" + login.userId() + "/remove").statusCode()).isEqualTo(303);
        assertThat(manager.get("/admin/destinations").statusCode()).as("a removed person is signed out").isEqualTo(302);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
