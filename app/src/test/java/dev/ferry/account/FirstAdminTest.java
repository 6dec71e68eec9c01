package dev.ferry.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.ConsoleClient;
import dev.ferry.support.FerryIntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The first admin created on a fresh database, and the password change their first sign-in demands. */
@FerryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTest {

    static final Pattern ONE_TIME_PASSWORD = Pattern.compile("as admin@localhost with the one-time password (\\S+)");

    @LocalServerPort
    int port;
    @Autowired
    FirstAdmin firstAdmin;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aGeneratedOneTimePasswordIsLoggedOnceAndMustBeChangedBeforeAnyOtherPage(CapturedOutput output) {
        int before = output.getOut().length();
        assertThat(firstAdmin.ensure()).isPresent();
        Matcher logged = ONE_TIME_PASSWORD.matcher(output.getOut().substring(before));
        assertThat(logged.find()).isTrue();
        String oneTime = logged.group(1);

        var console = ConsoleClient.anonymous(port);
        var signIn = console.signIn("admin@localhost", oneTime);
        assertThat(signIn.statusCode()).isEqualTo(302);
        var users = console.get("/admin/users");
        assertThat(users.statusCode()).isEqualTo(302);
        assertThat(users.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/admin/password"));

        var changed = console.post("/admin/password", "current", oneTime, "chosen", "my own long password",
                "repeated", "my own long password");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);
        assertThat(console.get("/admin/users").statusCode()).isEqualTo(200);
    }
}
