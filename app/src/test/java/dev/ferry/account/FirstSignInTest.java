package dev.ferry.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.ConsoleClient;
import dev.ferry.support.FerryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Until somebody has a password of their own, the sign-in page says where the first admin's password is. */
@FerryIntegrationTest
class FirstSignInTest {

    @LocalServerPort
    int port;
    @Autowired
    FirstAdmin firstAdmin;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSignInPagePointsAtTheLogLineUntilAPasswordIsChosen() {
        assertThat(loginPage()).as("no account yet: nothing to say").doesNotContain("data-testid=\"first-sign-in\"");

        firstAdmin.ensure();

        assertThat(loginPage()).contains("data-testid=\"first-sign-in\"")
                .contains("wrote the first admin&#39;s email and one-time password to its log")
                .contains("&quot;*** First admin created&quot;");

        jdbc.sql("update app_user set must_change_password = false").update();

        assertThat(loginPage()).doesNotContain("data-testid=\"first-sign-in\"").doesNotContain("First admin created");
    }

    private String loginPage() {
        return ConsoleClient.anonymous(port).get("/admin/login").body();
    }
}
