package dev.ferry.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.FerryProperties;
import dev.ferry.admin.Onboarding;
import dev.ferry.admin.OrganizationDirectory;
import dev.ferry.principal.Role;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

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
    @Autowired
    People people;
    @Autowired
    Organizations organizations;
    @Autowired
    AccountRepository accounts;
    @Autowired
    OrganizationDirectory directory;
    @Autowired
    Onboarding onboarding;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;
    @Autowired
    FerryProperties ferry;
    @Autowired
    AccountProperties accountProperties;

    FirstAdmin configured(String email, String organization, String password) {
        var properties = new AccountProperties(new AccountProperties.FirstAdmin(email, organization, password),
                accountProperties.login(), accountProperties.sessionAbsoluteLifetime());
        return new FirstAdmin(properties, accounts, directory, onboarding, encoder, jdbc, transaction, clock, ferry);
    }

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

    @Test
    void aPasswordFromTheSettingsIsNeverLoggedAndMustAlsoBeChanged(CapturedOutput output) {
        int before = output.getOut().length();

        assertThat(configured("Boss@Acme.test", "Acme Corp", "initial-settings-password").ensure()).isPresent();

        assertThat(output.getOut().substring(before)).contains("First admin boss@acme.test created")
                .doesNotContain("initial-settings-password");
        assertThat(people.mustChangePassword("boss@acme.test")).isTrue();
        String orgId = directory.idNamed("Acme Corp").orElseThrow();
        assertThat(jdbc.sql("select count(*) from event_type where organization_id = :id").param("id", orgId)
                .query(Long.class).single()).as("the experimentation preset").isPositive();
        var console = ConsoleClient.anonymous(port);
        console.signIn("boss@acme.test", "initial-settings-password");
        assertThat(console.get("/admin/users").headers().firstValue("Location")).hasValueSatisfying(
                to -> assertThat(to).endsWith("/admin/password"));
    }

    @Test
    void anExistingOrganizationOfThatNameIsJoined() {
        String acme = organizations.create("Acme Corp").id();

        configured("boss@acme.test", "Acme Corp", "initial-settings-password").ensure();

        assertThat(jdbc.sql("select organization_id from app_user").query(String.class).single()).isEqualTo(acme);
        assertThat(jdbc.sql("select count(*) from organization").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void nobodyIsCreatedOnceAnyAccountExists() {
        people.create(organizations.create("Acme").id(), Role.MEMBER);

        assertThat(firstAdmin.ensure()).isEmpty();
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoNodesStartingAtOnceCreateOneFirstAdmin() {
        var start = new CountDownLatch(1);
        List<CompletableFuture<Optional<String>>> nodes = List.of(firstAdmin, configured("admin@localhost", "Ferry", ""))
                .stream().map(node -> CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return node.ensure();
                })).toList();
        start.countDown();

        long created = nodes.stream().map(CompletableFuture::join).filter(Optional::isPresent).count();

        assertThat(created).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from organization").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aChosenPasswordMustBeLongNotTheEmailAndTypedTwice() {
        var login = people.create(organizations.create("Acme").id(), Role.MEMBER, "member@acme.test");
        var console = ConsoleClient.signIn(port, login);

        assertRefused(console, login.password(), "short", "short", "at least 12 characters");
        assertRefused(console, login.password(), "member@acme.test", "member@acme.test", "must not be your email");
        assertRefused(console, login.password(), "a long new password", "another long one", "differ");
        assertRefused(console, "wrong current password", "a long new password", "a long new password",
                "current password is wrong");
        assertRefused(console, login.password(), "x".repeat(73), "x".repeat(73), "at most 72 bytes");
        assertThat(ConsoleClient.signIn(port, login)).as("the password is unchanged").isNotNull();
    }

    private static void assertRefused(ConsoleClient console, String current, String chosen, String repeated,
            String reason) {
        var answer = console.post("/admin/password", "current", current, "chosen", chosen, "repeated", repeated);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains(reason);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
