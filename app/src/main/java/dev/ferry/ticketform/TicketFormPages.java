package dev.ferry.ticketform;

import dev.ferry.console.ConsoleFrame;
import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.link.LinkedObject;
import dev.ferry.link.TicketLink;
import dev.ferry.link.TicketLinks;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.ticket.HandTicket;
import dev.ferry.ticket.HandTickets;
import dev.ferry.web.RefusalStatus;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Create Jira ticket" form of a product object, reached from its linked tickets: filed, it goes back
 * there naming the new key; refused, it shows why (our checks or Jira's words) with every field kept.
 */
@Controller
@ConsolePage(title = "Create Jira ticket", nav = "links")
class TicketFormPages {

    static final String PATH = "/admin/tickets/new";
    static final String LINKS = "/admin/links";
    static final String MEMBERS = "Only Admins and Managers file tickets in Jira from Ferry. Ask an Admin or a"
            + " Manager of your organization; you can still see the object's linked tickets.";

    private final HandTickets tickets;
    private final TicketFormView view;
    private final TicketLinks links;
    private final KnownObject objects;

    TicketFormPages(HandTickets tickets, TicketFormView view, TicketLinks links, KnownObject objects) {
        this.tickets = tickets;
        this.view = view;
        this.links = links;
        this.objects = objects;
    }

    /** A blank form for the object; its title and address come from a ticket already linked to it if not given. */
    @GetMapping(PATH)
    ModelAndView form(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame, RedirectAttributes redirect,
            @RequestParam(defaultValue = "") String site, @RequestParam(defaultValue = "") String subjectType,
            @RequestParam(defaultValue = "") String subjectId, @RequestParam(defaultValue = "") String subjectTitle,
            @RequestParam(defaultValue = "") String subjectUrl) {
        if (!person.canManage()) {
            return ConsoleView.forbidden(frame, MEMBERS);
        }
        if (subjectType.isBlank() || subjectId.isBlank()) {
            return ConsoleView.seeOther(redirect, LINKS, "Choose the object first: show its linked tickets, then"
                    + " Create Jira ticket.");
        }
        LinkedObject known = subjectTitle.isBlank() ? known(person, subjectType.strip(), subjectId.strip()) : null;
        TicketForm form = TicketForm.forObject(site, subjectType, subjectId,
                known == null ? subjectTitle : known.title(), known == null ? subjectUrl : orEmpty(known.url()));
        return ConsoleView.page("ticket-new", view.page(person, form, true, FormErrors.NONE));
    }

    /** Members are refused by the security chain before this runs (it answers every POST of theirs). */
    @PostMapping(PATH)
    ModelAndView create(Person person, RedirectAttributes redirect, TicketForm form) {
        HandTicket ticket;
        try {
            ticket = tickets.create(person, form.draft(objects.of(person.organizationId(), form)),
                    form.idempotencyKey().isEmpty() ? null : form.idempotencyKey());
        } catch (Refusal refused) {
            // Nothing was filed, so the next submit is a new request with a key of its own.
            return ConsoleView.page(RefusalStatus.of(refused), "ticket-new",
                    view.page(person, form, true, FormErrors.of(refused)));
        }
        return filed(person, redirect, form, ticket);
    }

    /** Back to the object's tickets naming the new one; a ticket Jira has not confirmed yet is said to be coming. */
    private ModelAndView filed(Person person, RedirectAttributes redirect, TicketForm form, HandTicket ticket) {
        String back = LinkedObject.consolePath(form.subjectType(), form.subjectId());
        String object = form.subjectType() + " " + form.subjectId();
        String filed = ticket.issueKey() + " filed in Jira and linked to " + object + ".";
        return switch (ticket.state()) {
            case CREATED -> ticket.issueUrl() == null ? ConsoleView.seeOther(redirect, back, filed)
                    : ConsoleView.seeOther(redirect, back, filed, "Open " + ticket.issueKey() + " in Jira", ticket.issueUrl());
            case PENDING -> ConsoleView.seeOther(redirect, back, "Jira has not confirmed the ticket yet. Ferry keeps"
                    + " trying and links it to " + object + " once Jira has it; nothing is filed twice.");
            // Given up after every attempt: nothing was filed, so the form comes back as after a refusal.
            case FAILED -> ConsoleView.page(HttpStatus.BAD_GATEWAY, "ticket-new", view.page(person, form, true,
                    FormErrors.of(Refusal.invalid(orEmpty(ticket.lastError())))));
        };
    }

    static TicketFormPage.Subject subject(TicketForm form) {
        return new TicketFormPage.Subject(form.subjectType(), form.subjectId(), form.subjectTitle(), form.subjectUrl(),
                LinkedObject.consolePath(form.subjectType(), form.subjectId()));
    }


    private LinkedObject known(Person person, String subjectType, String subjectId) {
        return links.forObject(person.organizationId(), subjectType, subjectId).stream().findFirst()
                .map(TicketLink::object).orElse(null);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
