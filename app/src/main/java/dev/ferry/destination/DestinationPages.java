package dev.ferry.destination;

import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.sitelink.LinkedSite;
import dev.ferry.sitelink.LinkedSites;
import dev.ferry.web.RefusalStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The destinations page of the admin console: list them with what stops them, add one, refresh issue types. */
@Controller
@ConsolePage(title = "Destinations", nav = "destinations")
public class DestinationPages {

    public static final String PATH = "/admin/destinations";

    private final Destinations destinations;
    private final LinkedSites sites;

    DestinationPages(Destinations destinations, LinkedSites sites) {
        this.destinations = destinations;
        this.sites = sites;
    }

    /** {@code site}: a linked site chosen in the first step, whose projects Jira is asked for. */
    @GetMapping(PATH)
    ModelAndView list(Person person, @RequestParam(required = false) String site) {
        return show(person, HttpStatus.OK, site, null);
    }

    @PostMapping(PATH)
    ModelAndView create(Person person, RedirectAttributes redirect, @RequestParam(defaultValue = "") String site,
            @RequestParam(defaultValue = "") String projectKey) {
        try {
            Destination created = destinations.create(person, site, projectKey);
            return ConsoleView.seeOther(redirect, PATH + "/" + created.id(),
                    "Destination " + created.projectKey() + " added. Its rules start from the event catalog.");
        } catch (Refusal refused) {
            return show(person, RefusalStatus.of(refused), site, refused.getMessage());
        }
    }

    @PostMapping(PATH + "/{id}/refresh-issue-types")
    ModelAndView refreshIssueTypes(Person person, RedirectAttributes redirect, @PathVariable String id) {
        try {
            Destination refreshed = destinations.refreshIssueTypes(person, id);
            return ConsoleView.seeOther(redirect, PATH + "/" + id, refreshed.isActive()
                    ? "Issue types refreshed; the destination takes tickets again."
                    : "Issue types refreshed, but a rule still names an issue type the project lacks: "
                            + refreshed.stateReason());
        } catch (Refusal refused) {
            return show(person, RefusalStatus.of(refused), null, refused.getMessage());
        }
    }

    private ModelAndView show(Person person, HttpStatus status, String site, String error) {
        List<LinkedSite> linked = sites.of(person.organizationId());
        Map<String, String> labels = linked.stream()
                .collect(Collectors.toMap(LinkedSite::clientKey, DestinationsPage::siteLabel, (a, b) -> a,
                        LinkedHashMap::new));
        List<Destination> all = destinations.list(person);
        List<DestinationsPage.Row> rows = all.stream().map(destination -> DestinationsPage.Row.of(destination,
                labels.getOrDefault(destination.clientKey(), DestinationsPage.UNLINKED_SITE),
                labels.containsKey(destination.clientKey()))).toList();
        String chosen = site != null && labels.containsKey(site) ? site : null;
        List<DestinationsPage.ProjectOption> projects = List.of();
        String problem = error;
        if (chosen != null && person.canManage()) {
            try {
                projects = destinations.projects(person, chosen).stream().map(DestinationsPage.ProjectOption::of).toList();
            } catch (Refusal refused) {
                problem = problem == null ? refused.getMessage() : problem;
            }
        }
        List<DestinationsPage.SiteOption> options = labels.entrySet().stream().map(s -> new DestinationsPage.SiteOption(
                s.getKey(), s.getValue(), s.getKey().equals(chosen))).toList();
        var page = new DestinationsPage(Banners.of(linked, all), rows, rows.isEmpty(), person.canManage(),
                options, options.isEmpty(), chosen, labels.get(chosen == null ? "" : chosen), projects,
                !projects.isEmpty(), problem);
        return ConsoleView.page(status, "destinations", page);
    }
}
