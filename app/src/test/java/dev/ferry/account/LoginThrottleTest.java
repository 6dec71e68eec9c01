package dev.ferry.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.principal.Role;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Failed sign-ins make further attempts wait (5 free per email and address, 20 per address), counted in
 * the database; the first wait is ten minutes here so no test races it.
 */
@FerryIntegrationTest
@TestPropertySource(properties = "ferry.admin.login.first-delay=10m")
class LoginThrottleTest {

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;

    People.Login person;

    @BeforeEach
    void person() {
        person = people.create(organizations.create("Acme").id(), Role.MEMBER);
    }

    @Test
    void afterFiveFailuresTheEmailWaitsEvenWithTheRightPasswordAndIsToldHowLong() {
        var console = ConsoleClient.anonymous(port);
        for (int i = 0; i < 5; i++) {
            assertThat(landing(console.signIn(person.email(), "wrong password " + i))).isEqualTo("/admin/login?error");
        }

        var refused = console.signIn(person.email(), person.password());
        assertThat(landing(refused)).isEqualTo("/admin/login?throttled=600");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("600");
        assertThat(console.get("/admin/login?throttled=600").body()).contains("Too many failed sign-ins")
                .contains("Wait 10 minutes");
        assertThat(landing(console.signIn(person.email().toUpperCase(), person.password())))
                .as("the same email in other letters").startsWith("/admin/login?throttled=");
    }

    @Test
    void aForgedForwardedForFromAnUntrustedPeerIsIgnored() {
        var console = ConsoleClient.anonymous(port);
        for (int i = 0; i < 5; i++) {
            console.header("X-Forwarded-For", "203.0.113." + i);
            assertThat(landing(console.signIn(person.email(), "wrong password"))).isEqualTo("/admin/login?error");
        }

        console.header("X-Forwarded-For", "203.0.113.99");
        assertThat(landing(console.signIn(person.email(), person.password())))
                .as("a new forged address is still the same peer").startsWith("/admin/login?throttled=");
        assertThat(jdbc.sql("select count(*) from sign_in_brake where scope_key like '%203.0.113.%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void anotherEmailFromTheSameAddressMaySignInBelowTheAddressLimit() {
        var console = ConsoleClient.anonymous(port);
        for (int i = 0; i < 5; i++) {
            console.signIn("someone-else@example.com", "wrong password");
        }

        assertThat(landing(console.signIn(person.email(), person.password()))).isEqualTo("/admin");
    }

    @Test
    void afterTwentyFailuresFromOneAddressEveryEmailWaits() {
        var console = ConsoleClient.anonymous(port);
        for (int i = 0; i < 20; i++) {
            assertThat(landing(console.signIn("guess-" + i + "@example.com", "wrong password"))).endsWith("?error");
        }

        assertThat(landing(console.signIn(person.email(), person.password()))).startsWith("/admin/login?throttled=");
    }

    @Test
    void onceTheWaitIsOverTheNextAttemptIsChecked() {
        var console = ConsoleClient.anonymous(port);
        for (int i = 0; i < 5; i++) {
            console.signIn(person.email(), "wrong password");
        }
        jdbc.sql("update sign_in_brake set not_before = :past").param("past", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1))
                .update();

        assertThat(landing(console.signIn(person.email(), person.password()))).isEqualTo("/admin");
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAsAWrongPassword() {
        var console = ConsoleClient.anonymous(port);

        assertThat(landing(console.signIn("nobody@example.com", person.password())))
                .isEqualTo(landing(console.signIn(person.email(), "wrong password")));
        assertThat(console.get("/admin/login?error").body()).contains("That email and password do not match an account.");
    }

    @Test
    void signingInForgetsTheEmailsEarlierFailures() {
        var console = ConsoleClient.anonymous(port);
        for (int i = 0; i < 4; i++) {
            console.signIn(person.email(), "wrong password");
        }
        assertThat(landing(console.signIn(person.email(), person.password()))).isEqualTo("/admin");

        var again = ConsoleClient.anonymous(port);
        for (int i = 0; i < 4; i++) {
            assertThat(landing(again.signIn(person.email(), "wrong password"))).isEqualTo("/admin/login?error");
        }
        assertThat(landing(again.signIn(person.email(), person.password()))).isEqualTo("/admin");
    }

    private static String landing(HttpResponse<String> signIn) {
        assertThat(signIn.statusCode()).isEqualTo(302);
        return signIn.headers().firstValue("Location").orElseThrow();
    }
}
