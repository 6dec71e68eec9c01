package dev.ferry.destination;

import dev.ferry.console.ConsoleFrame;
import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.sitelink.LinkedSites;
import dev.ferry.web.RefusalStatus;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changing a destination's project (one of those Jira lists for its site) and deleting a destination behind
 * a confirmation page. The security chain lets only Admins and Managers post; Members see the pages read-only.
 */
@Controller
@ConsolePage(nav = "destinations")
class DestinationEditPages {

    private static final String PATH = DestinationPages.PATH;
    private static final String MISSING = "No such destination";

    private final Destinations destinations;
    private final LinkedSites sites;

    DestinationEditPages(Destinations destinations, LinkedSites sites) {
        this.destinations = destinations;
        this.sites = sites;
    }

    /** A page about one destination: its id, project and site. */
    record Target(String id, String projectKey, String site) {
    }

    /** @param projects the site's projects but the current one; empty when Jira could not list them */
    record ProjectPage(String id, String projectKey, String site, List<DestinationsPage.ProjectOption> projects,
            boolean chooseProject, String error) {
    }

    @GetMapping(PATH + "/{id}/project")
    ModelAndView project(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame, @PathVariable String id) {
        return projectPage(person, frame, HttpStatus.OK, id, null);
    }

    @PostMapping(PATH + "/{id}/project")
    ModelAndView changeProject(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            RedirectAttributes redirect, @PathVariable String id, @RequestParam(defaultValue = "") String projectKey) {
        try {
            Destination moved = destinations.changeProject(person, id, projectKey);
            return ConsoleView.seeOther(redirect, PATH + "/" + id, "Destination moved to " + moved.projectKey()
                    + ": tickets are filed there from now on." + (moved.isActive() ? ""
                            : " A rule still names an issue type the project lacks: " + moved.stateReason()));
        } catch (Refusal refused) {
            return projectPage(person, frame, RefusalStatus.of(refused), id, refused.getMessage());
        }
    }

    @GetMapping(PATH + "/{id}/delete")
    ModelAndView confirmDelete(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            @PathVariable String id) {
        try {
            Target target = target(person, destinations.find(person, id));
            return ConsoleView.titled(frame, "Delete destination " + target.projectKey(), "destination-delete", target);
        } catch (Refusal missing) {
            return ConsoleView.notFound(frame, MISSING, missing.getMessage());
        }
    }

    @PostMapping(PATH + "/{id}/delete")
    ModelAndView delete(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            RedirectAttributes redirect, @PathVariable String id) {
        try {
            Destination destination = destinations.find(person, id);
            destinations.delete(person, id);
            return ConsoleView.seeOther(redirect, PATH, "Destination " + destination.projectKey()
                    + " deleted. Its tickets, links and delivery history stay.");
        } catch (Refusal missing) {
            return ConsoleView.notFound(frame, MISSING, missing.getMessage());
        }
    }

    private ModelAndView projectPage(Person person, ConsoleFrame frame, HttpStatus status, String id, String error) {
        Destination destination;
        try {
            destination = destinations.find(person, id);
        } catch (Refusal missing) {
            return ConsoleView.notFound(frame, MISSING, missing.getMessage());
        }
        Target target = target(person, destination);
        List<DestinationsPage.ProjectOption> projects = List.of();
        String problem = error;
        if (person.canManage()) {
            try {
                projects = destinations.projects(person, destination.clientKey()).stream()
                        .filter(project -> !project.key().equals(destination.projectKey()))
                        .map(DestinationsPage.ProjectOption::of).toList();
            } catch (Refusal refused) {
                problem = problem == null ? refused.getMessage() : problem;
            }
        }
        var page = new ProjectPage(target.id(), target.projectKey(), target.site(), projects, !projects.isEmpty(), problem);
        ModelAndView view = ConsoleView.titled(frame, "Change the project of " + target.projectKey(),
                "destination-project", page);
        view.setStatus(status);
        return view;
    }

    private Target target(Person person, Destination destination) {
        String site = sites.find(person.organizationId(), destination.clientKey()).map(DestinationsPage::siteLabel)
                .orElse(destination.clientKey());
        return new Target(destination.id(), destination.projectKey(), site);
    }
}
