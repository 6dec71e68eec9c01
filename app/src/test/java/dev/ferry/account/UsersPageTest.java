package dev.ferry.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.principal.Role;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An Admin manages the people of their organization; there is always at least one Admin left. */
@FerryIntegrationTest
class UsersPageTest {

    static final Pattern ONE_TIME = Pattern.compile("<code class=\"secret\"[^>]*>([^<]+)</code>");

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;

    String orgId;
    People.Login admin;
    ConsoleClient console;

    @BeforeEach
    void signedInAdmin() {
        orgId = organizations.create("Acme").id();
        admin = people.create(orgId, Role.ADMIN);
        console = ConsoleClient.signIn(port, admin);
    }

    @Test
    void anAddedPersonSignsInWithTheOneTimePasswordShownOnceAndMustChangeIt() {
        var added = console.post("/admin/users", "email", " New.Person@Example.com ", "role", "MEMBER");

        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("new.person@example.com").contains("Member");
        String oneTime = oneTimePassword(added.body());
        assertThat(console.get("/admin/users").body()).as("shown only once").doesNotContain(oneTime);
        assertThat(audit("USER_ADDED")).isEqualTo(1);

        var newcomer = ConsoleClient.anonymous(port);
        assertThat(newcomer.signIn("new.person@example.com", oneTime).statusCode()).isEqualTo(302);
        assertThat(newcomer.get("/admin/destinations").headers().firstValue("Location")).hasValueSatisfying(
                to -> assertThat(to).endsWith("/admin/password"));
        assertThat(jdbc.sql("select password_hash from app_user where email = 'new.person@example.com'")
                .query(String.class).single()).startsWith("{bcrypt}$2").doesNotContain(oneTime);
    }

    @Test
    void anEmailTakenOrMalformedIsRefusedOnThePage() {
        var taken = console.post("/admin/users", "email", admin.email(), "role", "MEMBER");
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("already has an account");

        var malformed = console.post("/admin/users", "email", "not an email", "role", "MEMBER");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("Enter an email address").contains("value=\"not an email\"");

        assertThat(console.post("/admin/users", "email", "x@example.com", "role", "OWNER").statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAdminChangesARoleResetsAPasswordAndRemovesAPerson() {
        var member = people.create(orgId, Role.MEMBER);

        assertThat(console.post("/admin/users/" + member.userId() + "/role", "role", "MANAGER").statusCode()).isEqualTo(303);
        assertThat(console.get("/admin/users").body()).contains("Role changed.");
        assertThat(role(member.email())).isEqualTo("MANAGER");

        var reset = console.post("/admin/users/" + member.userId() + "/reset-password");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(ConsoleClient.anonymous(port).signIn(member.email(), member.password()).headers()
                .firstValue("Location")).as("the old password no longer works").hasValueSatisfying(
                        to -> assertThat(to).endsWith("?error"));
        assertThat(people.mustChangePassword(member.email())).isTrue();
        assertThat(ConsoleClient.anonymous(port).signIn(member.email(), oneTimePassword(reset.body())).headers()
                .firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("/admin/login"));

        assertThat(console.post("/admin/users/" + member.userId() + "/remove").statusCode()).isEqualTo(303);
        assertThat(jdbc.sql("select count(*) from app_user where email = :email").param("email", member.email())
                .query(Long.class).single()).isZero();
        assertThat(audit("USER_ROLE_CHANGED")).isEqualTo(1);
        assertThat(audit("PASSWORD_RESET")).isEqualTo(1);
        assertThat(audit("USER_REMOVED")).isEqualTo(1);
    }

    @Test
    void theLastAdminCanBeNeitherDemotedNorRemoved() {
        var demoted = console.post("/admin/users/" + admin.userId() + "/role", "role", "MEMBER");
        assertThat(demoted.statusCode()).isEqualTo(400);
        assertThat(demoted.body()).contains("You cannot demote the last Admin");
        var removed = console.post("/admin/users/" + admin.userId() + "/remove");
        assertThat(removed.statusCode()).isEqualTo(400);
        assertThat(removed.body()).contains("You cannot remove the last Admin");
        assertThat(role(admin.email())).isEqualTo("ADMIN");

        var second = people.create(orgId, Role.ADMIN);
        assertThat(console.post("/admin/users/" + second.userId() + "/role", "role", "MEMBER").statusCode()).isEqualTo(303);
    }

    @Test
    void anotherOrganizationsPeopleAreOutOfReach() {
        var stranger = people.create(organizations.create("Other").id(), Role.MEMBER);

        assertThat(console.get("/admin/users").body()).doesNotContain(stranger.email());
        for (String action : new String[] {"/role", "/reset-password", "/remove"}) {
            var answer = console.post("/admin/users/" + stranger.userId() + action, "role", "ADMIN");
            assertThat(answer.statusCode()).as(action).isEqualTo(400);
            assertThat(answer.body()).contains("There is no such person in Acme");
        }
        assertThat(role(stranger.email())).isEqualTo("MEMBER");
    }

    private static String oneTimePassword(String page) {
        Matcher matcher = ONE_TIME.matcher(page);
        assertThat(matcher.find()).as("a one-time password on the page").isTrue();
        return matcher.group(1);
    }

    private String role(String email) {
        return jdbc.sql("select role from app_user where email = :email").param("email", email).query(String.class).single();
    }

    private long audit(String action) {
        return jdbc.sql("select count(*) from audit_record where action = :action and organization_id = :org")
                .param("action", action).param("org", orgId).query(Long.class).single();
    }
}
