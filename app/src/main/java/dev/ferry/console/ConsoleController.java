package dev.ferry.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's home: the Jira sites page, where an organization starts. */
@Controller
class ConsoleController {

    static final String HOME = "/admin/integrations/jira";

    /** A message flashed to the home (after a password change) is passed on to the page it stands for. */
    @GetMapping({"/admin", "/admin/"})
    ModelAndView home(Model model, RedirectAttributes redirect) {
        Object flash = model.getAttribute(ConsoleView.FLASH);
        return flash == null ? ConsoleView.seeOther(HOME) : ConsoleView.seeOther(redirect, HOME, flash.toString());
    }
}
