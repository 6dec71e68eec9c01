package dev.ferry.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mustachejava.DefaultMustacheFactory;
import dev.ferry.principal.Person;
import dev.ferry.principal.Role;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.context.support.StaticWebApplicationContext;

/** The layout around a page: the frame's values in the header, the page's own in its body. */
class ConsoleViewsTest {

    final MustacheViewResolver views = new MustacheViewResolver(new DefaultMustacheFactory("templates"));
    final FrameAdvice frames = new FrameAdvice();

    ConsoleViewsTest() {
        var context = new StaticWebApplicationContext();
        context.refresh();
        views.setApplicationContext(context);
    }

    @Test
    void aPagesOwnEmailAndTitleDoNotChangeTheHeader() throws Exception {
        var frame = frames.frame(request(Role.MANAGER), "Destinations", "destinations");

        MockHttpServletResponse answer = render(frame, new Content("someone@else.test", "Page title"));

        assertThat(answer.getContentAsString()).contains("<title>Destinations · Ferry</title>")
                .contains("<span data-testid=\"signed-in-as\">me@acme.test</span>")
                .contains("<p id=\"content-email\">someone@else.test</p>")
                .contains("<p id=\"content-title\">Page title</p>")
                .contains("<input type=\"hidden\" name=\"_csrf\" value=\"token-1\">")
                .contains("\"X-CSRF-TOKEN\": \"token-1\"")
                .contains("data-nav=\"destinations\" aria-current=\"page\"");
    }

    @Test
    void pagesAreUtf8HtmlThatNoCacheKeeps() throws Exception {
        MockHttpServletResponse answer = render(frames.frame(request(Role.MEMBER), "x", ""), new Content("", ""));

        assertThat(answer.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(answer.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void onlyAdminsSeePeopleInTheNavigation() throws Exception {
        String manager = render(frames.frame(request(Role.MANAGER), "x", ""), new Content("", "")).getContentAsString();
        String admin = render(frames.frame(request(Role.ADMIN), "x", ""), new Content("", "")).getContentAsString();

        assertThat(manager).doesNotContain("href=\"/admin/users\"").contains("href=\"/admin/integrations/jira\"");
        assertThat(admin).contains("href=\"/admin/users\"");
    }

    @Test
    void valuesAreEscaped() throws Exception {
        var frame = frames.frame(request(Role.MEMBER), "<b>", "");

        assertThat(render(frame, new Content("<script>", "")).getContentAsString()).contains("&lt;script&gt;")
                .doesNotContain("<script>alert").contains("<title>&lt;b&gt; · Ferry</title>");
    }

    @Test
    void anotherTitleOrNavEntryKeepsTheRestOfTheFrame() throws Exception {
        var frame = frames.frame(request(Role.ADMIN), "Destinations", "destinations").titled("Destination FERRY").at(null);

        String html = render(frame, new Content("", "")).getContentAsString();

        assertThat(html).contains("<title>Destination FERRY · Ferry</title>").doesNotContain("aria-current")
                .contains("<span data-testid=\"signed-in-as\">me@acme.test</span>");
    }

    @Test
    void aNameWithoutTemplateIsNoView() throws Exception {
        assertThat(views.resolveViewName("no-such-page", Locale.ROOT)).isNull();
    }

    @Test
    void redirectsAfterFormsAreSeeOther() throws Exception {
        var answer = new MockHttpServletResponse();

        views.resolveViewName("redirect:/admin/users", Locale.ROOT).render(Map.of(), request(Role.ADMIN), answer);

        assertThat(answer.getStatus()).isEqualTo(303);
        assertThat(answer.getHeader("Location")).isEqualTo("/admin/users");
    }

    record Content(String email, String title) {
    }

    private MockHttpServletResponse render(ConsoleFrame frame, Content content) throws Exception {
        var answer = new MockHttpServletResponse();
        views.resolveViewName("test-page", Locale.ROOT)
                .render(Map.of(ConsoleView.FRAME, frame, ConsoleView.PAGE, content), request(Role.MEMBER), answer);
        return answer;
    }

    private static MockHttpServletRequest request(Role role) {
        var request = new MockHttpServletRequest();
        request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-1"));
        request.setAttribute(Person.ATTRIBUTE, new Person("u1", "o1", "Acme", "me@acme.test", role));
        return request;
    }
}
