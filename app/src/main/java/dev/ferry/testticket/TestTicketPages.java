package dev.ferry.testticket;

import dev.ferry.console.ConsoleFrame;
import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.destination.Destination;
import dev.ferry.destination.DestinationPages;
import dev.ferry.destination.Destinations;
import dev.ferry.destination.DestinationsPage;
import dev.ferry.destination.Rule;
import dev.ferry.destination.RulesPage;
import dev.ferry.event.EventCatalog;
import dev.ferry.event.EventTypeDefinition;
import dev.ferry.event.SampleVariables;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.sitelink.LinkedSites;
import dev.ferry.web.RefusalStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sending a test ticket from a destination in the admin console, and deleting it again. */
@Controller
@ConsolePage(title = "Send a test ticket", nav = "destinations")
class TestTicketPages {

    static final String VARIABLE = "var.";

    private final Destinations destinations;
    private final TestTickets tickets;
    private final EventCatalog catalog;
    private final LinkedSites sites;

    TestTicketPages(Destinations destinations, TestTickets tickets, EventCatalog catalog,
            LinkedSites sites) {
        this.destinations = destinations;
        this.tickets = tickets;
        this.catalog = catalog;
        this.sites = sites;
    }

    /**
     * {@code eventType}: the rule to try, {@code experiment.guardrail_breached} unless chosen; {@code sent}:
     * the key of the test ticket just filed, shown with its actions while it is not deleted.
     */
    @GetMapping(DestinationPages.PATH + "/{id}/test-ticket")
    ModelAndView show(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame, @PathVariable String id,
            @RequestParam(required = false) String eventType, @RequestParam(required = false) String sent) {
        TestTicketPage.Result result = null;
        if (sent != null) {
            try {
                result = tickets.sent(person, id, sent)
                        .map(ticket -> new TestTicketPage.Result(ticket.issueKey(), ticket.issueUrl(), ticket.summary()))
                        .orElse(null);
            } catch (Refusal missing) {
                // the page below says the destination is not there
            }
        }
        return render(person, frame, HttpStatus.OK, id, eventType, null, result, null);
    }

    /** Form fields {@code var.<name>} are the variables. */
    @PostMapping(DestinationPages.PATH + "/{id}/test-ticket")
    ModelAndView send(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame, @PathVariable String id,
            @RequestParam(defaultValue = "") String eventType, @RequestParam Map<String, String> form) {
        Map<String, String> variables = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(VARIABLE)) {
                variables.put(name.substring(VARIABLE.length()), value);
            }
        });
        try {
            TestTickets.Sent sent = tickets.send(person, id, eventType, variables);
            // Redirected, so reloading the page shows the ticket again instead of filing another one.
            return ConsoleView.seeOther(DestinationPages.PATH + "/" + id + "/test-ticket?eventType="
                    + URLEncoder.encode(eventType, StandardCharsets.UTF_8) + "&sent="
                    + URLEncoder.encode(sent.issueKey(), StandardCharsets.UTF_8));
        } catch (Refusal refused) {
            return render(person, frame, RefusalStatus.of(refused), id, eventType, variables, null,
                    refused.getMessage());
        }
    }

    /** The confirm step before deleting a Jira issue, a page of its own so that it works without script. */
    @GetMapping(DestinationPages.PATH + "/{id}/test-tickets/{issueKey}/delete")
    ModelAndView confirmDelete(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            @PathVariable String id, @PathVariable String issueKey, @RequestParam(defaultValue = "") String eventType) {
        String back = DestinationPages.PATH + "/" + id + "/test-ticket?eventType="
                + URLEncoder.encode(eventType, StandardCharsets.UTF_8) + "&sent="
                + URLEncoder.encode(issueKey, StandardCharsets.UTF_8);
        try {
            return tickets.sent(person, id, issueKey)
                    .map(sent -> ConsoleView.titled(frame, "Delete " + issueKey, "test-ticket-delete",
                            new DeletePage(id, sent.issueKey(), sent.issueUrl(), sent.summary(), eventType, back)))
                    .orElseGet(() -> ConsoleView.notFound(frame, "No such test ticket", "No test ticket " + issueKey
                            + " was sent from this destination, or it is deleted already."));
        } catch (Refusal missing) {
            return ConsoleView.notFound(frame, "No such destination", missing.getMessage());
        }
    }

    /** What deleting a test ticket removes from Jira, and the way back. */
    record DeletePage(String id, String issueKey, String issueUrl, String summary, String eventType, String backHref) {
    }

    @PostMapping(DestinationPages.PATH + "/{id}/test-tickets/{issueKey}/delete")
    ModelAndView delete(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            RedirectAttributes redirect, @PathVariable String id,
            @PathVariable String issueKey, @RequestParam(defaultValue = "") String eventType) {
        try {
            tickets.delete(person, id, issueKey);
            return ConsoleView.seeOther(redirect, DestinationPages.PATH + "/" + id + "/test-ticket",
                    "Test ticket " + issueKey + " deleted from Jira.");
        } catch (Refusal refused) {
            return render(person, frame, RefusalStatus.of(refused), id, eventType, null, null,
                    refused.getMessage());
        }
    }

    private ModelAndView render(Person person, ConsoleFrame frame, HttpStatus status, String id,
            String eventType, Map<String, String> typed, TestTicketPage.Result result, String error) {
        Destination destination;
        try {
            destination = destinations.find(person, id);
        } catch (Refusal missing) {
            return ConsoleView.notFound(frame, "No such destination", missing.getMessage());
        }
        List<String> types = catalog.list(person.organizationId()).stream().map(EventTypeDefinition::type)
                .filter(type -> destination.rule(type).isPresent()).toList();
        String chosen = chosen(types, eventType);
        String site = sites.find(person.organizationId(), destination.clientKey()).map(DestinationsPage::siteLabel)
                .orElse(DestinationsPage.UNLINKED_SITE);
        var page = new TestTicketPage(destination.id(), site, destination.projectKey(),
                destination.rule(chosen).map(Rule::issueType).orElse(""), chosen,
                types.stream().map(type -> new RulesPage.Option(type, type, type.equals(chosen))).toList(),
                variables(person, chosen, chosen.equals(eventType) ? typed : null), result, error);
        return ConsoleView.page(status, "test-ticket", page);
    }

    /** The event type asked for if the destination has a rule for it, else the default, else the first. */
    private static String chosen(List<String> types, String eventType) {
        if (eventType != null && types.contains(eventType)) {
            return eventType;
        }
        return types.contains(SampleVariables.DEFAULT_EVENT_TYPE) ? SampleVariables.DEFAULT_EVENT_TYPE
                : types.isEmpty() ? "" : types.get(0);
    }

    /** The event type's sample values, with what the person typed last time in their place. */
    private List<TestTicketPage.Variable> variables(Person person, String eventType, Map<String, String> typed) {
        Map<String, String> values = new LinkedHashMap<>(eventType.isEmpty() ? Map.of()
                : tickets.samples(person, eventType));
        if (typed != null) {
            typed.forEach((name, value) -> values.computeIfPresent(name, (n, sample) -> value));
        }
        return values.entrySet().stream()
                .map(v -> new TestTicketPage.Variable(v.getKey(), v.getValue(), "var-" + v.getKey())).toList();
    }
}
