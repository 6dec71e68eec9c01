package dev.ferry.console;

import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.web.RefusalStatus;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a console handler answers: a template of {@code templates/console/} with its page record, or a
 * redirect after a form. The template sees the {@link ConsoleFrame}'s fields and the page record's at
 * top level (the record wins on a name clash).
 *
 * <pre>{@code
 * @GetMapping("/admin/destinations")
 * ModelAndView list(Person person) {
 *     return ConsoleView.page("destinations", new DestinationsPage(rows, person.canManage()));
 * }
 * // after a POST: return ConsoleView.seeOther(redirect, "/admin/destinations", "Destination added.");
 * }</pre>
 */
public final class ConsoleView {

    /** The model attribute of the frame around the page, added by {@link FrameAdvice}. */
    public static final String FRAME = "frame";
    /** The model attribute of the page's own view-model record. */
    public static final String PAGE = "page";
    /** The flash attribute of the one-time message the page after a redirect shows. */
    public static final String FLASH = "flash";
    /** The flash attributes of a link the message points to (the ticket just filed): its text and address. */
    public static final String FLASH_LINK_TEXT = "flashLinkText";
    public static final String FLASH_LINK_HREF = "flashLinkHref";

    private ConsoleView() {
    }

    public static ModelAndView page(String template, Object page) {
        return page(HttpStatus.OK, template, page);
    }

    public static ModelAndView page(HttpStatusCode status, String template, Object page) {
        return new ModelAndView(template, status).addObject(PAGE, page);
    }

    /** The page under another title than its controller's (one that names what it shows). */
    public static ModelAndView titled(ConsoleFrame frame, String title, String template, Object page) {
        return page(template, page).addObject(FRAME, frame.titled(title));
    }

    /** The one error page with 404: an id that is not the organization's, or not there at all. */
    public static ModelAndView notFound(ConsoleFrame frame, String heading, String message) {
        return page(HttpStatus.NOT_FOUND, "error", new ErrorPage(heading, message))
                .addObject(FRAME, frame.titled(heading).at(null));
    }

    /** After a form: 303 to {@code location}, whose page shows {@code message} once. */
    public static ModelAndView seeOther(RedirectAttributes redirect, String location, String message) {
        redirect.addFlashAttribute(FLASH, message);
        return seeOther(location);
    }

    /** After a form: 303 to {@code location}, whose page shows {@code message} once, then a link to {@code href}. */
    public static ModelAndView seeOther(RedirectAttributes redirect, String location, String message, String linkText,
            String href) {
        redirect.addFlashAttribute(FLASH_LINK_TEXT, linkText);
        redirect.addFlashAttribute(FLASH_LINK_HREF, href);
        return seeOther(redirect, location, message);
    }

    /** The one error page with 403: a page the person's role may not use, and why. */
    public static ModelAndView forbidden(ConsoleFrame frame, String message) {
        return page(HttpStatus.FORBIDDEN, "error", new ErrorPage("Not allowed", message))
                .addObject(FRAME, frame.titled("Not allowed").at(null));
    }

    /** After a form whose next page says what happened by itself: 303 to {@code location}. */
    public static ModelAndView seeOther(String location) {
        return new ModelAndView(MustacheViewResolver.REDIRECT_URL_PREFIX + location);
    }

    /**
     * The page {@code page} builds, or the error page of the refusal it threw: another organization's id is as absent
     * as a missing one (the one 404 page); other refusals say why under their own title, their words as they are.
     */
    public static ModelAndView answered(ConsoleFrame frame, Supplier<ModelAndView> page) {
        try {
            return page.get();
        } catch (Refusal refused) {
            if (refused.kind() == Refusal.Kind.NOT_FOUND) {
                return notFound(frame, "Not found", refused.getMessage());
            }
            return page(RefusalStatus.of(refused), "error", new Note(refused.title(), refused.getMessage()));
        }
    }

    /**
     * The page for Admins and Managers, and 403 with {@code refusal} for a Member: Members may open the console but
     * not its configuration, so their GETs are refused here, their posts by the chain.
     */
    public static ModelAndView managersOnly(Person person, String refusal, Supplier<ModelAndView> page) {
        if (!person.canManage()) {
            return page(HttpStatus.FORBIDDEN, "error", new Note("Not allowed", refusal));
        }
        return page.get();
    }

    /** The error page's heading and message as written, where {@link ErrorPage} would make a sentence of it. */
    record Note(String heading, String message) {
    }
}
