package dev.ferry.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's home, and a stand-in for sections whose own page is not there yet: a page mapped to a
 * section's exact path (say {@code /admin/destinations}) is more specific than these patterns and wins.
 */
@Controller
class ConsoleController {

    static final String HOME = "/admin/integrations/jira";

    private final ConsolePages pages;

    ConsoleController(ConsolePages pages) {
        this.pages = pages;
    }

    @GetMapping({"/admin", "/admin/"})
    String home() {
        return "redirect:" + HOME;
    }

    @GetMapping({"/admin/{section:destinations|deliveries|links|audit}", "/admin/integrations/{kind:jira}"})
    ResponseEntity<String> section(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return Nav.at(path)
                .map(section -> pages.page("placeholder", pages.frame(request, section.label(), section.key()),
                        new ErrorPage(section.label(), "This page is not built yet.")))
                .orElseGet(() -> pages.page(HttpStatus.NOT_FOUND, "error", pages.frame(request, "Not found", null),
                        new ErrorPage("Not found", "There is no page at " + path + ".")));
    }
}
