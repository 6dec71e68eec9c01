package dev.ferry.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.principal.Role;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Choosing a password: trivial ones are refused, and a change signs the person out everywhere else. */
@FerryIntegrationTest
class PasswordChangeTest {

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;

    @Test
    void trivialPasswordsAreRefusedWithAClearMessage() {
        var login = people.create(organizations.create("Acme").id(), Role.MEMBER);
        var console = ConsoleClient.signIn(port, login);

        for (String trivial : List.of("aaaaaaaaaaaa", "123456789012", "abcdefghijkl", "zyxwvutsrqpo", "abababababab")) {
            var answer = change(console, login.password(), trivial);
            assertThat(answer.statusCode()).as(trivial).isEqualTo(400);
            assertThat(answer.body()).as(trivial).contains("too easy to guess").contains("sequence");
        }
        for (String common : List.of("password1234", "winniethepooh", "Iloveyou2024!", "monkeymonkey")) {
            var answer = change(console, login.password(), common);
            assertThat(answer.statusCode()).as(common).isEqualTo(400);
            assertThat(answer.body()).as(common).contains("too easy to guess").contains("commonest passwords");
        }
        assertThat(change(console, login.password(), "tuesday ferry lantern 42").statusCode()).isEqualTo(303);
    }

    @Test
    void changingThePasswordSignsThePersonOutOfTheirOtherSessions() {
        var login = people.create(organizations.create("Acme").id(), Role.MEMBER);
        var laptop = ConsoleClient.signIn(port, login);
        var phone = ConsoleClient.signIn(port, login);
        var someoneElse = ConsoleClient.signIn(port, people.create(login.organizationId(), Role.MEMBER));

        assertThat(change(laptop, login.password(), "tuesday ferry lantern 42").statusCode()).isEqualTo(303);

        assertThat(phone.get("/admin/integrations/jira").headers().firstValue("Location")).as("the other session")
                .hasValue("/admin/login");
        assertThat(laptop.get("/admin/integrations/jira").statusCode()).as("the session that changed it").isEqualTo(200);
        assertThat(someoneElse.get("/admin/integrations/jira").statusCode()).as("another person").isEqualTo(200);
    }

    @Test
    void aPasswordResetByAnAdminSignsThePersonOutEverywhere() {
        String orgId = organizations.create("Acme").id();
        var admin = ConsoleClient.signIn(port, people.create(orgId, Role.ADMIN));
        var member = people.create(orgId, Role.MEMBER);
        var memberConsole = ConsoleClient.signIn(port, member);

        assertThat(admin.post("/admin/users/" + member.userId() + "/reset-password").statusCode()).isEqualTo(200);

        assertThat(memberConsole.get("/admin/integrations/jira").headers().firstValue("Location"))
                .as("signed out, not sent to change the password").hasValue("/admin/login");
        assertThat(admin.get("/admin/users").statusCode()).isEqualTo(200);
    }

    private static java.net.http.HttpResponse<String> change(ConsoleClient console, String current, String chosen) {
        return console.post("/admin/password", "current", current, "chosen", chosen, "repeated", chosen);
    }
}
