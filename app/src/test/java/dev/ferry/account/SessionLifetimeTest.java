package dev.ferry.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.principal.Role;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.Eventually;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A session ends once its absolute lifetime (two seconds here) is over, however busy it keeps. */
@FerryIntegrationTest
@TestPropertySource(properties = "ferry.admin.session-absolute-lifetime=2s")
class SessionLifetimeTest {

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;

    @Test
    void aSessionOlderThanItsAbsoluteLifetimeIsSignedOutEvenWhileActive() {
        var console = ConsoleClient.signIn(port, people.create(organizations.create("Acme").id(), Role.MEMBER));

        Eventually.await(() -> console.get("/admin/integrations/jira").statusCode() == 302);

        var answer = console.get("/admin/integrations/jira");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValue("/admin/login");
    }
}
