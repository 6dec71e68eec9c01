package dev.ferry.admin;

import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.principal.Person;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organization's settings in the admin console, for Admins only (the security chain refuses anyone else). */
@Controller
@ConsolePage(title = "Settings", nav = "settings")
class SettingsPageController {

    static final String PATH = "/admin/settings";

    private final OrganizationSettings settings;

    SettingsPageController(OrganizationSettings settings) {
        this.settings = settings;
    }

    /** What the page shows: each setting as it is now. */
    record SettingsPage(boolean allowFreePlanSites) {
    }

    @GetMapping(PATH)
    ModelAndView show(Person person) {
        return ConsoleView.page("settings", new SettingsPage(settings.of(person.organizationId()).allowFreePlanSites()));
    }

    /** An unticked checkbox sends nothing, so a missing field means "off". */
    @PostMapping(PATH)
    ModelAndView save(Person person, RedirectAttributes redirect,
            @RequestParam(defaultValue = "false") boolean allowFreePlanSites) {
        settings.update(person, allowFreePlanSites);
        return ConsoleView.seeOther(redirect, PATH, allowFreePlanSites
                ? "Saved: sites on Jira's Free plan can be linked."
                : "Saved: sites on Jira's Free plan can no longer be linked; sites linked already stay linked.");
    }
}
