package dev.ferry.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's home: the Jira sites page, where an organization starts. */
@Controller
class ConsoleController {

    static final String HOME = "/admin/integrations/jira";

    @GetMapping({"/admin", "/admin/"})
    String home() {
        return "redirect:" + HOME;
    }
}
