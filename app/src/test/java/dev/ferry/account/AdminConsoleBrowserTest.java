package dev.ferry.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.principal.Role;
import dev.ferry.support.Browser;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin console in headless Chromium: first sign-in, forced password change, people, roles. */
@FerryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AdminConsoleBrowserTest {

    static final Pattern ONE_TIME_PASSWORD = Pattern.compile("as admin@localhost with the one-time password (\\S+)");

    @AutoClose
    static Browser browser = Browser.start();

    @LocalServerPort
    int port;
    @Autowired
    FirstAdmin firstAdmin;
    @Autowired
    People people;
    @Autowired
    Organizations organizations;

    String base() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    void theFirstAdminSignsInWithTheLoggedPasswordAndMustChooseANewOneBeforeAnythingElse(CapturedOutput output) {
        int before = output.getOut().length();
        firstAdmin.ensure();
        Matcher logged = ONE_TIME_PASSWORD.matcher(output.getOut().substring(before));
        assertThat(logged.find()).as("the one-time password is in the log").isTrue();

        browser.width(390).open(base() + "/admin/login");
        assertThat(browser.title()).isEqualTo("Sign in · Ferry");
        assertThat(browser.testId("first-sign-in").getText()).as("where the one-time password is")
                .contains("to its log").contains("\"*** First admin created\"");
        browser.screenshot("login-first-run-390");
        browser.resetViewport();
        browser.screenshot("login");
        browser.signIn(base(), "admin@localhost", logged.group(1));
        assertThat(browser.path()).isEqualTo("/admin/password");
        assertThat(browser.testId("must-change").getText()).contains("Choose your own password");
        browser.open(base() + "/admin/users");
        assertThat(browser.path()).as("every other page waits for the change").isEqualTo("/admin/password");
        browser.screenshot("change-password");

        browser.fill("Current password", logged.group(1)).fill("New password", "a long chosen password")
                .fill("New password again", "a long chosen password").click("Change password");

        assertThat(browser.path()).isEqualTo("/admin");
        assertThat(browser.testId("flash").getText()).isEqualTo("Your password is changed.");
        assertThat(browser.testId("signed-in-as").getText()).isEqualTo("admin@localhost");
        assertThat(browser.find(By.cssSelector("[aria-current=page]")).getText()).isEqualTo("Home");
        assertThat(browser.testId("checklist").getText()).contains("Link a Jira site");
        assertThat(people.mustChangePassword("admin@localhost")).isFalse();
        browser.screenshot("home");
        browser.click("Sign out");
        assertThat(browser.findAll(By.cssSelector("[data-testid='first-sign-in']")))
                .as("said no more once a password is chosen").isEmpty();
    }

    @Test
    void anAdminAddsAMemberWhoSignsInAndSeesNoEditControls() {
        String orgId = organizations.create("Acme").id();
        browser.loginAs(base(), people.create(orgId, Role.ADMIN));
        browser.click("Users");
        assertThat(browser.path()).isEqualTo("/admin/users");

        browser.fill("Email", "new.member@acme.test").select("Role", "Member").click("Add person");

        String oneTime = browser.find(By.cssSelector("code.secret")).getText();
        assertThat(browser.find(By.cssSelector("tr[data-email='new.member@acme.test']")).getText()).contains("Member");
        browser.screenshot("users");
        browser.click("Sign out");
        assertThat(browser.path()).isEqualTo("/admin/login");

        browser.signIn(base(), "new.member@acme.test", oneTime);
        assertThat(browser.path()).isEqualTo("/admin/password");
        browser.fill("Current password", oneTime).fill("New password", "the member's own password")
                .fill("New password again", "the member's own password").click("Change password");

        assertThat(browser.path()).isEqualTo("/admin");
        browser.open(base() + "/admin/integrations/jira");
        assertThat(browser.testId("role").getText()).isEqualToIgnoringCase("Member");
        assertThat(browser.findAll(By.cssSelector("nav a")).stream().map(a -> a.getText()).toList())
                .containsExactly("Home", "Jira sites", "Deliveries", "Linked tickets", "Data sources", "Activities", "People",
                        "Audit log");
        assertThat(browser.findAll(By.cssSelector("main form, main button"))).as("no edit controls").isEmpty();
        browser.open(base() + "/admin/users");
        assertThat(browser.testId("error-message").getText()).contains("Your role does not allow this");
        browser.screenshot("member-denied");
    }
}
