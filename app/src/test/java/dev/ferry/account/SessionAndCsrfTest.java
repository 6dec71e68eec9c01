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
import org.springframework.jdbc.core.simple.JdbcClient;

/** The admin session cookie's flags, sessions kept in the database, and CSRF on every form. */
@FerryIntegrationTest
class SessionAndCsrfTest {

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSessionCookieIsHttpOnlySameSiteLaxScopedToAdminAndNotSecureOverPlainHttp() {
        var login = people.create(organizations.create("Acme").id(), Role.ADMIN);
        var console = ConsoleClient.anonymous(port);
        console.csrfToken();

        var signIn = console.signIn(login.email(), login.password());

        List<String> cookies = signIn.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("FERRY_SESSION=")
                .contains("; Path=/admin").contains("; HttpOnly").contains("; SameSite=Lax").doesNotContain("Secure"));
    }

    @Test
    void sessionsLiveInTheDatabaseSoAnyNodeCanServeThem() {
        var login = people.create(organizations.create("Acme").id(), Role.ADMIN);
        var console = ConsoleClient.signIn(port, login);

        assertThat(jdbc.sql("select count(*) from spring_session where principal_name is not null")
                .query(Long.class).single()).isEqualTo(1);
        jdbc.sql("delete from spring_session").update();
        assertThat(console.get("/admin/users").statusCode()).as("the session is gone with its row").isEqualTo(302);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        String orgId = organizations.create("Acme").id();
        var console = ConsoleClient.signIn(port, people.create(orgId, Role.ADMIN));

        var answer = console.postWithoutCsrf("/admin/users", "email", "new@example.com", "role", "MEMBER");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("This form has expired");
        assertThat(jdbc.sql("select count(*) from app_user where email = 'new@example.com'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aWrongCsrfTokenIsRefusedToo() {
        var console = ConsoleClient.signIn(port, people.create(organizations.create("Acme").id(), Role.ADMIN));

        assertThat(console.post("/admin/logout", "_csrf", "forged").statusCode()).isEqualTo(403);
        assertThat(console.get("/admin/users").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void aCsrfTokenInTheQueryStringIsRefusedWhileTheSameTokenInTheFormWorks() {
        String orgId = organizations.create("Acme").id();
        var console = ConsoleClient.signIn(port, people.create(orgId, Role.ADMIN));
        String token = java.net.URLEncoder.encode(console.csrfToken(), java.nio.charset.StandardCharsets.UTF_8);

        var inQuery = console.postWithoutCsrf("/admin/users?_csrf=" + token, "email", "new@example.com", "role", "MEMBER");
        assertThat(inQuery.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from app_user where email = 'new@example.com'").query(Long.class).single())
                .isZero();

        assertThat(console.post("/admin/users", "email", "new@example.com", "role", "MEMBER").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from app_user where email = 'new@example.com'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void signingInWithoutTheCsrfTokenIsRefused() {
        var login = people.create(organizations.create("Acme").id(), Role.ADMIN);
        var console = ConsoleClient.anonymous(port);

        var answer = console.postWithoutCsrf("/admin/login", "email", login.email(), "password", login.password());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(console.get("/admin/users").statusCode()).isEqualTo(302);
    }

    @Test
    void adminPagesCarryTheirOwnSecurityHeaders() {
        var page = ConsoleClient.anonymous(port).get("/admin/login");

        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("frame-ancestors 'none'").contains("script-src 'self'"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
    }
}
