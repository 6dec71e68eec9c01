package dev.ferry.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/** Answers a refused admin request with 403 and the console's error page, saying why. */
@Component
class DeniedPage implements AccessDeniedHandler {

    private final ConsolePages pages;

    DeniedPage(ConsolePages pages) {
        this.pages = pages;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        ErrorPage page = denied instanceof CsrfException
                ? new ErrorPage("This form has expired",
                        "The form was not sent from a current Ferry page (its security token is missing or old). "
                                + "Go back, reload the page and try again.")
                : new ErrorPage("Not allowed", "Your role does not allow this. Ask an Admin of your organization.");
        String html = pages.render("error", pages.frame(request, page.heading(), null), page);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }
}
