package dev.ferry.console;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import dev.ferry.principal.Person;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Renders admin console pages: a mustache template under {@code templates/console/} that sees the
 * {@link ConsoleFrame}'s fields and the page's own view-model record (the record wins on a name clash).
 * A page opens with {@code {{> fragments/top}}} and closes with {@code {{> fragments/bottom}}} (from a
 * sub-folder: {@code {{> ../fragments/top}}}); every form carries {@code {{> fragments/csrf}}}. The
 * layout sends htmx requests with the CSRF header; {@code fetch} can read {@code meta[name=csrf-token]}
 * and {@code meta[name=csrf-header]}. The admin pages' Content-Security-Policy allows no inline script
 * or style: put CSS in {@code /admin/assets/console.css}.
 *
 * <pre>{@code
 * @GetMapping("/admin/destinations")
 * ResponseEntity<String> list(Person person, HttpServletRequest request) {
 *     var frame = pages.frame(person, "Destinations", "destinations", request);
 *     return pages.page("destinations", frame, new DestinationsPage(rows, person.canManage()));
 * }
 * // after a POST: return pages.seeOther(request, "/admin/destinations", "Destination added.");
 * }</pre>
 */
@Component
public class ConsolePages {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final MustacheFactory factory = new DefaultMustacheFactory("templates/console");

    /** The frame of a signed-in person's page; {@code navKey} is a nav entry's key (null: none lit). */
    public ConsoleFrame frame(Person person, String title, String navKey, HttpServletRequest request) {
        CsrfToken csrf = csrf(request);
        return new ConsoleFrame(title, true, person.email(), person.role().label(), person.organizationName(),
                person.canManage(), person.isAdmin(), Nav.itemsFor(person, navKey), csrf.getParameterName(),
                csrf.getHeaderName(), csrf.getToken(), Flash.take(request));
    }

    /** The frame of this request's page, signed in or not (the login page, an error page). */
    public ConsoleFrame frame(HttpServletRequest request, String title, String navKey) {
        return Person.signedIn(request).map(person -> frame(person, title, navKey, request)).orElseGet(() -> {
            CsrfToken csrf = csrf(request);
            return new ConsoleFrame(title, false, "", "", "", false, false, List.of(), csrf.getParameterName(),
                    csrf.getHeaderName(), csrf.getToken(), Flash.take(request));
        });
    }

    /** {@code templates/console/<template>.mustache} with the frame and the page's view-model. */
    public String render(String template, ConsoleFrame frame, Object content) {
        StringWriter out = new StringWriter();
        factory.compile(template + ".mustache").execute(out, new Object[] {frame, content});
        return out.toString();
    }

    /** The rendered page as a 200 HTML answer that no cache keeps. */
    public ResponseEntity<String> page(String template, ConsoleFrame frame, Object content) {
        return page(HttpStatus.OK, template, frame, content);
    }

    public ResponseEntity<String> page(HttpStatus status, String template, ConsoleFrame frame, Object content) {
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
                .body(render(template, frame, content));
    }

    /** The one error page with 404: an id that is not the organization's, or not there at all. */
    public ResponseEntity<String> notFound(Person person, HttpServletRequest request, String heading, String message) {
        return page(HttpStatus.NOT_FOUND, "error", frame(person, heading, null, request), new ErrorPage(heading, message));
    }

    /** A message the next page shows once, for after a form's redirect. */
    public void flash(HttpServletRequest request, String message) {
        Flash.put(request, message);
    }

    /** After a form: 303 to {@code location}, whose page shows {@code message} once. */
    public ResponseEntity<String> seeOther(HttpServletRequest request, String location, String message) {
        flash(request, message);
        return seeOther(location);
    }

    /** After a form whose next page says what happened by itself: 303 to {@code location}. */
    public static ResponseEntity<String> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
    }

    private static CsrfToken csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            throw new IllegalStateException(request.getRequestURI() + " is outside the admin console's security chain");
        }
        return token;
    }
}
