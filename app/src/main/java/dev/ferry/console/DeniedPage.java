package dev.ferry.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * Answers a refused admin request with 403 and the console's error page, saying why. The security chain
 * refuses before Spring MVC runs, so this renders the view the console's resolver gives.
 */
@Component
class DeniedPage implements AccessDeniedHandler {

    private final MustacheViewResolver views;
    private final FrameAdvice frames;

    DeniedPage(MustacheViewResolver views, FrameAdvice frames) {
        this.views = views;
        this.frames = frames;
    }

    /** What the refused page is for, so a Member knows whom to ask rather than only that they may not. */
    static String why(String path) {
        if (path.startsWith("/admin/connections") || path.startsWith("/admin/destinations")) {
            return "Connections, destinations and test tickets configure how Ferry reaches Jira: only Admins and"
                    + " Managers see them. Linked tickets, deliveries and the audit log are open to you; ask an Admin"
                    + " or a Manager of your organization for a change.";
        }
        return "Ask an Admin of your organization.";
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        ErrorPage page = denied instanceof CsrfException
                ? new ErrorPage("This form has expired",
                        "The form was not sent from a current Ferry page (its security token is missing or old). "
                                + "Go back, reload the page and try again.")
                : new ErrorPage("Not allowed", "Your role does not allow this. " + why(request.getRequestURI()));
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        try {
            views.resolveViewName("error", Locale.ROOT).render(
                    Map.of(ConsoleView.FRAME, frames.frame(request, page.heading(), ""), ConsoleView.PAGE, page),
                    request, response);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the error page failed", e);
        }
    }
}
