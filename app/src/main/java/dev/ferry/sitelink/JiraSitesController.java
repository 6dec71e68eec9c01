package dev.ferry.sitelink;

import dev.ferry.console.ConsoleFrame;
import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.principal.Person;
import dev.ferry.web.ApiProblem;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page of Jira sites ({@code /admin/integrations/jira}): ask to link a site, type the code a
 * Jira administrator was shown, cancel a request, disconnect a site. The security chain lets only Admins
 * and Managers post here; a refused form shows why on the page, with nothing changed.
 */
@Controller
@ConsolePage(title = JiraSitesController.TITLE, nav = JiraSitesController.NAV)
@RequestMapping("/admin/integrations/jira")
class JiraSitesController {

    static final String PAGE = "/admin/integrations/jira";
    static final String TITLE = "Jira sites";
    static final String NAV = "integrations";

    private final JiraSitesPages sites;
    private final LinkRequests requests;
    private final SiteConnections connections;
    private final LinkedSites linked;

    JiraSitesController(JiraSitesPages sites, LinkRequests requests, SiteConnections connections,
            LinkedSites linked) {
        this.sites = sites;
        this.requests = requests;
        this.connections = connections;
        this.linked = linked;
    }

    @GetMapping
    ModelAndView page(Person person) {
        return render(person, HttpStatus.OK, null, null);
    }

    /** Polled while a request is open: 204 while nothing changed, else htmx reloads the page. */
    @GetMapping("/changes")
    ResponseEntity<Void> changes(Person person, @RequestParam String since) {
        return since.equals(sites.fingerprint(person.organizationId())) ? ResponseEntity.noContent().build()
                : ResponseEntity.ok().header("HX-Refresh", "true").build();
    }

    @PostMapping("/requests")
    ModelAndView request(Person person, @RequestParam(defaultValue = "") String site, RedirectAttributes redirect) {
        return act(person, redirect, site, () -> {
            var requested = requests.request(requester(person), site);
            return requested.request() == null ? "That site is linked to your organization already."
                    : "PENDING".equals(requested.request().state())
                            ? "Request sent. A Jira administrator of the site now confirms it."
                            : "Ferry is not installed on that site yet. Install it; the request waits.";
        });
    }

    @PostMapping("/requests/{id}/confirm")
    ModelAndView confirm(Person person, @PathVariable long id, @RequestParam(defaultValue = "") String code,
            RedirectAttributes redirect) {
        return act(person, redirect, null, () -> {
            LinkedSite site = requests.confirmWithCode(requester(person), id, code);
            return "Linked " + site.baseUrl() + " to your organization.";
        });
    }

    @PostMapping("/requests/{id}/cancel")
    ModelAndView cancel(Person person, @PathVariable long id, RedirectAttributes redirect) {
        return act(person, redirect, null, () -> {
            requests.cancel(person.organizationId(), id);
            return "Request cancelled.";
        });
    }

    /** The confirm step before a disconnect, so no single click drops a site. */
    @GetMapping("/sites/{clientKey}/disconnect")
    ModelAndView confirmDisconnect(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            @PathVariable String clientKey) {
        return linked.find(person.organizationId(), clientKey)
                .map(site -> ConsoleView.titled(frame, "Disconnect " + site.baseUrl(), "integrations-jira-disconnect",
                        new DisconnectPage(site.clientKey(), site.baseUrl(), person.canManage())))
                .orElseGet(() -> render(person, HttpStatus.NOT_FOUND, null,
                        "no site " + clientKey + " is linked to this organization"));
    }

    @PostMapping("/sites/{clientKey}/disconnect")
    ModelAndView disconnect(Person person, @PathVariable String clientKey, RedirectAttributes redirect) {
        return act(person, redirect, null, () -> {
            connections.disconnect(person.organizationId(), person.actor(), clientKey);
            return "Disconnected. Ferry no longer works with that site for your organization.";
        });
    }

    /** Runs a form's action: its flash and back to the page, or the page again with why it was refused. */
    private ModelAndView act(Person person, RedirectAttributes redirect, String entered, Supplier<String> action) {
        try {
            return ConsoleView.seeOther(redirect, PAGE, action.get());
        } catch (ApiProblem refused) {
            return render(person, refused.status(), entered, refused.getMessage());
        }
    }

    private ModelAndView render(Person person, HttpStatus status, String entered, String error) {
        return ConsoleView.page(status, "integrations-jira",
                sites.page(person.organizationId(), person.canManage(), entered, error));
    }

    private static Requester requester(Person person) {
        return new Requester(person.organizationId(), person.actor(), person.email());
    }

    /** The disconnect confirmation. */
    record DisconnectPage(String clientKey, String siteUrl, boolean canManage) {
    }
}
