package dev.ferry.delivery;

import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.destination.Banners;
import dev.ferry.destination.Destinations;
import dev.ferry.destination.RulesPage;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.sitelink.LinkedSite;
import dev.ferry.sitelink.LinkedSites;
import dev.ferry.web.RefusalStatus;
import java.util.ArrayList;
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

/** The deliveries log in the admin console, and sending a delivery that is not final again now. */
@Controller
@ConsolePage(title = "Deliveries", nav = "deliveries")
class DeliveryPages {

    static final String PATH = "/admin/deliveries";
    static final int SHOWN = 100;

    private final DeliveryLog log;
    private final DeliveryRetries retries;
    private final LinkedSites sites;
    private final Destinations destinations;

    DeliveryPages(DeliveryLog log, DeliveryRetries retries, LinkedSites sites,
            Destinations destinations) {
        this.log = log;
        this.retries = retries;
        this.sites = sites;
        this.destinations = destinations;
    }

    @GetMapping(PATH)
    ModelAndView list(Person person, @RequestParam(required = false) String status) {
        return show(person, HttpStatus.OK, status, null);
    }

    /** The same retry as the product API's: a delivery that is not final goes out now; a final one is refused. */
    @PostMapping(PATH + "/{id}/retry")
    ModelAndView retry(Person person, RedirectAttributes redirect, @PathVariable long id) {
        try {
            Outbox.Retry retry = retries.retry(person.organizationId(), id);
            return ConsoleView.seeOther(redirect, PATH, retry == Outbox.Retry.BEING_TRIED
                    ? "Delivery " + id + " is being tried right now."
                    : "Delivery " + id + " will be tried again now.");
        } catch (Refusal refused) {
            return show(person, RefusalStatus.of(refused), null, refused.getMessage());
        }
    }

    private ModelAndView show(Person person, HttpStatus status, String wanted, String error) {
        List<LinkedSite> linked = sites.of(person.organizationId());
        Map<String, String> siteUrls = linked.stream()
                .collect(Collectors.toMap(LinkedSite::clientKey, LinkedSite::baseUrl));
        List<DeliveriesPage.Row> rows = List.of();
        String problem = error;
        try {
            rows = log.recent(person.organizationId(), wanted, SHOWN).stream()
                    .map(entry -> DeliveriesPage.Row.of(entry, siteUrls)).toList();
        } catch (Refusal refused) {
            problem = refused.getMessage();
            status = HttpStatus.BAD_REQUEST;
        }
        List<RulesPage.Option> statuses = new ArrayList<>();
        statuses.add(new RulesPage.Option("", "All", wanted == null || wanted.isBlank()));
        DeliveryLog.STATUSES.forEach(s -> statuses.add(new RulesPage.Option(s, s.charAt(0) + s.substring(1).toLowerCase(),
                s.equalsIgnoreCase(wanted))));
        var page = new DeliveriesPage(Banners.of(linked, destinations.list(person)), rows, rows.isEmpty(), statuses, problem);
        return ConsoleView.page(status, "deliveries", page);
    }
}
