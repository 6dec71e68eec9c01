package dev.ferry.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.principal.Person;
import dev.ferry.principal.Role;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/** The layout around a page: the frame's values in the header, the page's own in its body. */
class ConsolePagesTest {

    final ConsolePages pages = new ConsolePages();

    @Test
    void aPagesOwnEmailAndTitleDoNotChangeTheHeader() {
        var frame = pages.frame(person(Role.MANAGER), "Destinations", "destinations", request());

        String html = pages.render("test-page", frame, new Content("someone@else.test", "Page title"));

        assertThat(html).contains("<title>Destinations · Ferry</title>")
                .contains("<span data-testid=\"signed-in-as\">me@acme.test</span>")
                .contains("<p id=\"content-email\">someone@else.test</p>")
                .contains("<p id=\"content-title\">Page title</p>")
                .contains("<input type=\"hidden\" name=\"_csrf\" value=\"token-1\">")
                .contains("\"X-CSRF-TOKEN\": \"token-1\"")
                .contains("data-nav=\"destinations\" aria-current=\"page\"");
    }

    @Test
    void onlyAdminsSeePeopleInTheNavigation() {
        String manager = pages.render("test-page", pages.frame(person(Role.MANAGER), "x", null, request()), new Content("", ""));
        String admin = pages.render("test-page", pages.frame(person(Role.ADMIN), "x", null, request()), new Content("", ""));

        assertThat(manager).doesNotContain("href=\"/admin/users\"").contains("href=\"/admin/integrations/jira\"");
        assertThat(admin).contains("href=\"/admin/users\"");
    }

    @Test
    void valuesAreEscaped() {
        var frame = pages.frame(person(Role.MEMBER), "<b>", null, request());

        assertThat(pages.render("test-page", frame, new Content("<script>", ""))).contains("&lt;script&gt;")
                .doesNotContain("<script>alert").contains("<title>&lt;b&gt; · Ferry</title>");
    }

    record Content(String email, String title) {
    }

    private static Person person(Role role) {
        return new Person("u1", "o1", "Acme", "me@acme.test", role);
    }

    private static MockHttpServletRequest request() {
        var request = new MockHttpServletRequest();
        request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-1"));
        return request;
    }
}
