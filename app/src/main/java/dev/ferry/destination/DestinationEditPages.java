package dev.ferry.destination;

import dev.ferry.console.ConsolePages;
import dev.ferry.principal.Person;
import dev.ferry.sitelink.LinkedSites;
import dev.ferry.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Changing a destination's project (one of those Jira lists for its site) and deleting a destination behind
 * a confirmation page. The security chain lets only Admins and Managers post; Members see the pages read-only.
 */
@Controller
class DestinationEditPages {

    private static final String PATH = DestinationPages.PATH;

    private final ConsolePages pages;
    private final Destinations destinations;
    private final LinkedSites sites;

    DestinationEditPages(ConsolePages pages, Destinations destinations, LinkedSites sites) {
        this.pages = pages;
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
    ResponseEntity<String> project(Person person, HttpServletRequest request, @PathVariable String id) {
        return projectPage(person, request, HttpStatus.OK, id, null);
    }

    @PostMapping(PATH + "/{id}/project")
    ResponseEntity<String> changeProject(Person person, HttpServletRequest request, @PathVariable String id,
            @RequestParam(defaultValue = "") String projectKey) {
        try {
            Destination moved = destinations.changeProject(person, id, projectKey);
            return pages.seeOther(request, PATH + "/" + id, "Destination moved to " + moved.projectKey()
                    + ": tickets are filed there from now on." + (moved.isActive() ? ""
                            : " A rule still names an issue type the project lacks: " + moved.stateReason()));
        } catch (ApiProblem refused) {
            return projectPage(person, request, refused.status(), id, refused.getMessage());
        }
    }

    @GetMapping(PATH + "/{id}/delete")
    ResponseEntity<String> confirmDelete(Person person, HttpServletRequest request, @PathVariable String id) {
        try {
            Target target = target(person, destinations.find(person, id));
            return pages.page("destination-delete", pages.frame(person, "Delete destination " + target.projectKey(),
                    "destinations", request), target);
        } catch (ApiProblem missing) {
            return pages.notFound(person, request, "No such destination", missing.getMessage());
        }
    }

    @PostMapping(PATH + "/{id}/delete")
    ResponseEntity<String> delete(Person person, HttpServletRequest request, @PathVariable String id) {
        try {
            Destination destination = destinations.find(person, id);
            destinations.delete(person, id);
            return pages.seeOther(request, PATH, "Destination " + destination.projectKey()
                    + " deleted. Its tickets, links and delivery history stay.");
        } catch (ApiProblem missing) {
            return pages.notFound(person, request, "No such destination", missing.getMessage());
        }
    }

    private ResponseEntity<String> projectPage(Person person, HttpServletRequest request, HttpStatus status, String id,
            String error) {
        Destination destination;
        try {
            destination = destinations.find(person, id);
        } catch (ApiProblem missing) {
            return pages.notFound(person, request, "No such destination", missing.getMessage());
        }
        Target target = target(person, destination);
        List<DestinationsPage.ProjectOption> projects = List.of();
        String problem = error;
        if (person.canManage()) {
            try {
                projects = destinations.projects(person, destination.clientKey()).stream()
                        .filter(project -> !project.key().equals(destination.projectKey()))
                        .map(DestinationsPage.ProjectOption::of).toList();
            } catch (ApiProblem refused) {
                problem = problem == null ? refused.getMessage() : problem;
            }
        }
        var page = new ProjectPage(target.id(), target.projectKey(), target.site(), projects, !projects.isEmpty(), problem);
        return pages.page(status, "destination-project", pages.frame(person, "Change the project of "
                + target.projectKey(), "destinations", request), page);
    }

    private Target target(Person person, Destination destination) {
        String site = sites.find(person.organizationId(), destination.clientKey()).map(DestinationsPage::siteLabel)
                .orElse(destination.clientKey());
        return new Target(destination.id(), destination.projectKey(), site);
    }
}
