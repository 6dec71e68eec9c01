package dev.ferry.sitelink;

import dev.ferry.console.ConsolePages;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.web.RefusalStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin page of Jira sites ({@code /admin/integrations/jira}): ask to link a site, type the code a
 * Jira administrator was shown, cancel a request, disconnect a site. The security chain lets only Admins
 * and Managers post here; a refused form shows why on the page, with nothing changed.
 */
@Controller
@RequestMapping("/admin/integrations/jira")
class JiraSitesController {

    static final String PAGE = "/admin/integrations/jira";
    private static final String TITLE = "Jira sites";
    private static final String NAV = "integrations";

    private final ConsolePages pages;
    private final JiraSitesPages sites;
    private final LinkRequests requests;
    private final SiteConnections connections;
    private final LinkedSites linked;

    JiraSitesController(ConsolePages pages, JiraSitesPages sites, LinkRequests requests, SiteConnections connections,
            LinkedSites linked) {
        this.pages = pages;
        this.sites = sites;
        this.requests = requests;
        this.connections = connections;
        this.linked = linked;
    }

    @GetMapping
    ResponseEntity<String> page(Person person, HttpServletRequest request) {
        return render(person, request, HttpStatus.OK, null, null);
    }

    /** Polled while a request is open: 204 while nothing changed, else htmx reloads the page. */
    @GetMapping("/changes")
    ResponseEntity<Void> changes(Person person, @RequestParam String since) {
        return since.equals(sites.fingerprint(person.organizationId())) ? ResponseEntity.noContent().build()
                : ResponseEntity.ok().header("HX-Refresh", "true").build();
    }

    @PostMapping("/requests")
    ResponseEntity<String> request(Person person, @RequestParam(defaultValue = "") String site,
            HttpServletRequest request) {
        return act(person, request, site, () -> {
            var requested = requests.request(requester(person), site);
            return requested.request() == null ? "That site is linked to your organization already."
                    : "PENDING".equals(requested.request().state())
                            ? "Request sent. A Jira administrator of the site now confirms it."
                            : "Ferry is not installed on that site yet. Install it; the request waits.";
        });
    }

    @PostMapping("/requests/{id}/confirm")
    ResponseEntity<String> confirm(Person person, @PathVariable long id, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request) {
        return act(person, request, null, () -> {
            LinkedSite site = requests.confirmWithCode(requester(person), id, code);
            return "Linked " + site.baseUrl() + " to your organization.";
        });
    }

    @PostMapping("/requests/{id}/cancel")
    ResponseEntity<String> cancel(Person person, @PathVariable long id, HttpServletRequest request) {
        return act(person, request, null, () -> {
            requests.cancel(person.organizationId(), id);
            return "Request cancelled.";
        });
    }

    /** The confirm step before a disconnect, so no single click drops a site. */
    @GetMapping("/sites/{clientKey}/disconnect")
    ResponseEntity<String> confirmDisconnect(Person person, @PathVariable String clientKey, HttpServletRequest request) {
        return linked.find(person.organizationId(), clientKey)
                .map(site -> pages.page("integrations-jira-disconnect",
                        pages.frame(person, "Disconnect " + site.baseUrl(), NAV, request),
                        new DisconnectPage(site.clientKey(), site.baseUrl(), person.canManage())))
                .orElseGet(() -> render(person, request, HttpStatus.NOT_FOUND, null,
                        "no site " + clientKey + " is linked to this organization"));
    }

    @PostMapping("/sites/{clientKey}/disconnect")
    ResponseEntity<String> disconnect(Person person, @PathVariable String clientKey, HttpServletRequest request) {
        return act(person, request, null, () -> {
            connections.disconnect(person.organizationId(), person.actor(), clientKey);
            return "Disconnected. Ferry no longer works with that site for your organization.";
        });
    }

    /** Runs a form's action: its flash and back to the page, or the page again with why it was refused. */
    private ResponseEntity<String> act(Person person, HttpServletRequest request, String entered,
            Supplier<String> action) {
        try {
            return pages.seeOther(request, PAGE, action.get());
        } catch (Refusal refused) {
            return render(person, request, RefusalStatus.of(refused), entered, refused.getMessage());
        }
    }

    private ResponseEntity<String> render(Person person, HttpServletRequest request, HttpStatus status, String entered,
            String error) {
        return pages.page(status, "integrations-jira", pages.frame(person, TITLE, NAV, request),
                sites.page(person.organizationId(), person.canManage(), entered, error));
    }

    private static Requester requester(Person person) {
        return new Requester(person.organizationId(), person.actor(), person.email());
    }

    /** The disconnect confirmation. */
    record DisconnectPage(String clientKey, String siteUrl, boolean canManage) {
    }
}
