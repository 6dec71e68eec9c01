package dev.ferry.auditcollector;

import dev.ferry.connection.Connections;
import dev.ferry.console.ConsoleFrame;
import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.web.RefusalStatus;
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
 * Audit collectors in the console, for Admins and Managers: the table, adding one (over a connection, or with the
 * SIEM connector's three fields: site URL, user name, API token), editing, pausing and resuming, testing, and
 * deleting after a confirm step. The rules are {@link Collectors}' own, as for the product API.
 */
@Controller
@ConsolePage(title = "Audit collectors", nav = "audit-collectors")
class CollectorPages {

    static final String PATH = "/admin/audit-collectors";
    private static final String MANAGERS = "Only Admins and Managers see audit collectors. Ask an Admin of your organization.";

    private final Collectors collectors;
    private final CollectorTest tests;
    private final Connections connections;
    private final CollectorProperties properties;

    CollectorPages(Collectors collectors, CollectorTest tests, Connections connections,
            CollectorProperties properties) {
        this.collectors = collectors;
        this.tests = tests;
        this.connections = connections;
        this.properties = properties;
    }

    @GetMapping(PATH)
    ModelAndView list(Person person) {
        return ConsoleView.managersOnly(person, MANAGERS, () -> list(person, HttpStatus.OK,
                CollectorsPage.Form.blank(properties.pollInterval()), null));
    }

    /** The token is never put back into the form: a refused add asks for it again. */
    @PostMapping(PATH)
    ModelAndView add(Person person, RedirectAttributes redirect, @RequestParam(defaultValue = "") String connectionId,
            @RequestParam(defaultValue = "") String siteUrl, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String apiToken, @RequestParam(defaultValue = "") String pollMinutes,
            @RequestParam(defaultValue = "") String startFrom, @RequestParam(defaultValue = "") String filter) {
        var form = new CollectorsPage.Form(connectionId, siteUrl, email, pollMinutes, startFrom, filter);
        boolean existing = !connectionId.isBlank();
        try {
            CollectorView added = collectors.add(person, new Collectors.Request(existing ? connectionId : null,
                    existing ? null : siteUrl, existing ? null : email, existing ? null : apiToken, minutes(pollMinutes),
                    null, startFrom, filter));
            return ConsoleView.seeOther(redirect, PATH, "Collector added for " + added.siteUrl()
                    + ": it reads Jira's audit records now, then every " + CollectorInput.words(
                            java.time.Duration.ofSeconds(added.pollSeconds())) + ".");
        } catch (Refusal refused) {
            return list(person, RefusalStatus.of(refused), form, refused.getMessage());
        }
    }

    @GetMapping(PATH + "/{id}")
    ModelAndView show(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame, @PathVariable String id) {
        return ConsoleView.managersOnly(person, MANAGERS, () -> ConsoleView.answered(frame, () -> {
            CollectorView collector = collectors.find(person.organizationId(), id);
            return one(HttpStatus.OK, collector, CollectorsPage.Form.of(collector), null);
        }));
    }

    @PostMapping(PATH + "/{id}")
    ModelAndView edit(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            RedirectAttributes redirect, @PathVariable String id, @RequestParam(defaultValue = "") String pollMinutes,
            @RequestParam(defaultValue = "") String startFrom, @RequestParam(defaultValue = "") String filter) {
        return ConsoleView.answered(frame, () -> {
            CollectorView current = collectors.find(person.organizationId(), id);
            try {
                collectors.edit(person, id, new Collectors.Request(null, null, null, null, minutes(pollMinutes), null,
                        startFrom, filter));
                return ConsoleView.seeOther(redirect, PATH, "Collector for " + current.siteUrl() + " saved.");
            } catch (Refusal refused) {
                if (refused.kind() == Refusal.Kind.NOT_FOUND) {
                    throw refused;
                }
                return one(RefusalStatus.of(refused), current, new CollectorsPage.Form(current.connectionId(), "", "",
                        pollMinutes, startFrom, filter), refused.getMessage());
            }
        });
    }

    @PostMapping(PATH + "/{id}/pause")
    ModelAndView pause(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            RedirectAttributes redirect, @PathVariable String id) {
        return ConsoleView.answered(frame, () -> ConsoleView.seeOther(redirect, PATH, "Collector for "
                + collectors.pause(person, id).siteUrl() + " paused: it reads nothing until resumed."));
    }

    @PostMapping(PATH + "/{id}/resume")
    ModelAndView resume(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            RedirectAttributes redirect, @PathVariable String id) {
        return ConsoleView.answered(frame, () -> ConsoleView.seeOther(redirect, PATH, "Collector for "
                + collectors.resume(person, id).siteUrl() + " resumed: it polls now."));
    }

    @PostMapping(PATH + "/{id}/test")
    ModelAndView test(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            RedirectAttributes redirect, @PathVariable String id) {
        return ConsoleView.answered(frame, () -> {
            CollectorView collector = collectors.find(person.organizationId(), id);
            CollectorTest.Result result = tests.test(person, id);
            return ConsoleView.seeOther(redirect, PATH, "Test of " + collector.siteUrl() + ": "
                    + (result.ok() ? "Ferry " + result.message() + "." : result.message()));
        });
    }

    @GetMapping(PATH + "/{id}/delete")
    ModelAndView confirmDelete(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            @PathVariable String id) {
        return ConsoleView.managersOnly(person, MANAGERS, () -> ConsoleView.answered(frame,
                () -> ConsoleView.titled(frame, "Delete audit collector", "audit-collector-delete",
                        CollectorsPage.one(collectors.find(person.organizationId(), id), null, null, null))));
    }

    @PostMapping(PATH + "/{id}/delete")
    ModelAndView delete(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            RedirectAttributes redirect, @PathVariable String id) {
        return ConsoleView.answered(frame, () -> {
            collectors.delete(person, id);
            return ConsoleView.seeOther(redirect, PATH, "Collector deleted. The audit records it stored stay until"
                    + " retention removes them.");
        });
    }

    private ModelAndView list(Person person, HttpStatus status, CollectorsPage.Form form, String error) {
        return ConsoleView.page(status, "audit-collectors", CollectorsPage.list(collectors.list(person.organizationId()),
                connections.of(person.organizationId()), form, minPoll(), error));
    }

    private ModelAndView one(HttpStatus status, CollectorView collector, CollectorsPage.Form form, String error) {
        return ConsoleView.page(status, "audit-collector", CollectorsPage.one(collector, form, minPoll(), error));
    }

    private String minPoll() {
        return CollectorInput.words(properties.minPollInterval());
    }

    /** The form's minutes; blank keeps the default (or the collector's); anything but a whole number is refused. */
    private static Integer minutes(String typed) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid("the poll interval is a whole number of minutes");
        }
    }
}
