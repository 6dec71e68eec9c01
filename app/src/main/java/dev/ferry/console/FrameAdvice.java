package dev.ferry.console;

import dev.ferry.principal.Person;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Adds the {@link ConsoleFrame} to the model of every {@link ConsolePage} controller, once per request:
 * the title and nav entry its annotation names, who is signed in, the CSRF token, and the flash message
 * that the previous request left through {@code RedirectAttributes}.
 */
@ControllerAdvice(annotations = ConsolePage.class)
class FrameAdvice {

    @ModelAttribute(ConsoleView.FRAME)
    ConsoleFrame frame(HttpServletRequest request) {
        Placement placement = placement(request);
        return frame(request, placement.title(), placement.nav());
    }

    /** The frame of this request's page, signed in or not; {@code navKey} blank: no nav entry lit. */
    ConsoleFrame frame(HttpServletRequest request, String title, String navKey) {
        CsrfToken csrf = csrf(request);
        String flash = flash(request);
        ConsoleFrame.FlashLink flashLink = flashLink(request);
        return Person.signedIn(request)
                .map(person -> new ConsoleFrame(title, true, person.email(), person.role().label(),
                        person.organizationName(), person.canManage(), person.isAdmin(), Nav.itemsFor(person, navKey),
                        csrf.getParameterName(), csrf.getHeaderName(), csrf.getToken(), flash, flashLink))
                .orElseGet(() -> new ConsoleFrame(title, false, "", "", "", false, false, List.of(),
                        csrf.getParameterName(), csrf.getHeaderName(), csrf.getToken(), flash, flashLink));
    }

    /** The handler's annotation, merged with its class's: the method names what it sets, the class the rest. */
    private static Placement placement(HttpServletRequest request) {
        Placement none = new Placement("", "");
        if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)) {
            return none;
        }
        return none.under(AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), ConsolePage.class))
                .under(handler.getMethodAnnotation(ConsolePage.class));
    }

    private static String flash(HttpServletRequest request) {
        Map<String, ?> input = RequestContextUtils.getInputFlashMap(request);
        return input == null ? null : (String) input.get(ConsoleView.FLASH);
    }

    /** Plain strings in the flash map: it lives in the session, which stores what it holds. */
    private static ConsoleFrame.FlashLink flashLink(HttpServletRequest request) {
        Map<String, ?> input = RequestContextUtils.getInputFlashMap(request);
        return input == null || input.get(ConsoleView.FLASH_LINK_HREF) == null ? null
                : new ConsoleFrame.FlashLink((String) input.get(ConsoleView.FLASH_LINK_TEXT),
                        (String) input.get(ConsoleView.FLASH_LINK_HREF));
    }

    private static CsrfToken csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            throw new IllegalStateException(request.getRequestURI() + " is outside the admin console's security chain");
        }
        return token;
    }

    /** A page's title and nav key, as its annotations set them. */
    private record Placement(String title, String nav) {

        /** These values with what a more specific annotation sets (a method's over its class's). */
        Placement under(ConsolePage annotation) {
            if (annotation == null) {
                return this;
            }
            return new Placement(annotation.title().isBlank() ? title : annotation.title(),
                    annotation.nav().isBlank() ? nav : annotation.nav());
        }
    }
}
