package dev.ferry.account;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Failed sign-ins are counted in the database per email (5) and per client address (20) over 15 minutes. */
@FerryIntegrationTest
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
    void afterFiveFailuresTheEmailIsRefusedEvenWithTheRightPassword() {
        var console = ConsoleClient.anonymous(port);
        for (int i = 0; i < 5; i++) {
            assertThat(landing(console.signIn(person.email(), "wrong password " + i))).endsWith("/admin/login?error");
        }

        assertThat(landing(console.signIn(person.email(), person.password()))).endsWith("/admin/login?throttled");
        assertThat(console.get("/admin/login?throttled").body()).contains("Too many failed sign-ins")
                .contains("Wait 15 minutes");
        assertThat(landing(console.signIn(person.email().toUpperCase(), person.password())))
                .as("the same email in other letters").endsWith("/admin/login?throttled");
    }

    @Test
    void anotherEmailFromTheSameAddressMaySignInBelowTheAddressLimit() {
        var console = ConsoleClient.anonymous(port);
        for (int i = 0; i < 5; i++) {
            console.signIn("someone-else@example.com", "wrong password");
        }

        assertThat(landing(console.signIn(person.email(), person.password()))).endsWith("/admin");
    }

    @Test
    void afterTwentyFailuresFromOneAddressEveryEmailIsRefused() {
        var console = ConsoleClient.anonymous(port);
        for (int i = 0; i < 20; i++) {
            assertThat(landing(console.signIn("guess-" + i + "@example.com", "wrong password"))).endsWith("?error");
        }

        assertThat(landing(console.signIn(person.email(), person.password()))).endsWith("/admin/login?throttled");
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        var longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(16);
        for (int i = 0; i < 25; i++) {
            jdbc.sql("insert into login_failure (email, client_ip, failed_at) values (:email, '127.0.0.1', :at)")
                    .param("email", person.email()).param("at", longAgo).update();
        }

        assertThat(landing(ConsoleClient.anonymous(port).signIn(person.email(), person.password()))).endsWith("/admin");
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
        assertThat(landing(console.signIn(person.email(), person.password()))).endsWith("/admin");

        assertThat(jdbc.sql("select count(*) from login_failure where email = :email").param("email", person.email())
                .query(Long.class).single()).isZero();
    }

    private static String landing(HttpResponse<String> signIn) {
        assertThat(signIn.statusCode()).isEqualTo(302);
        return signIn.headers().firstValue("Location").orElseThrow();
    }
}
