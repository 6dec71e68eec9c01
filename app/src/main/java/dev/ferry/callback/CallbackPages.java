package dev.ferry.callback;

import dev.ferry.console.ConsoleFrame;
import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
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
 * Callbacks in the console, for Admins and Managers: endpoints, adding one (its secret shown once), editing its
 * events, deleting it after a confirm step, rotating its secret, a test event, recent messages and sending one again.
 * The rules are {@link Callbacks}' own, as for the product API.
 */
@Controller
@ConsolePage(title = "Callbacks", nav = "callbacks")
class CallbackPages {

    static final String PATH = "/admin/callbacks";
    private static final String MANAGERS = "Only Admins and Managers see callbacks. Ask an Admin of your organization.";
    private static final int RECENT = 25;

    private final Callbacks callbacks;

    CallbackPages(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    @GetMapping(PATH)
    ModelAndView list(Person person) {
        return ConsoleView.managersOnly(person, MANAGERS,
                () -> list(person, HttpStatus.OK, null, CallbacksPage.Form.blank(), null));
    }

    /** Answers with the page itself: the secret exists outside its caller only here, never in a session. */
    @PostMapping(PATH)
    ModelAndView add(Person person, @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String description, @RequestParam(required = false) List<String> events) {
        var form = CallbacksPage.Form.of(url, description, true, events);
        try {
            Callbacks.WithSecret added = callbacks.add(person, new Callbacks.Request(url, events == null ? List.of() : events,
                    description, true));
            return one(person, added.endpoint().id(), HttpStatus.CREATED, added.secret(), null);
        } catch (Refusal refused) {
            return list(person, RefusalStatus.of(refused), null, form, refused.getMessage());
        }
    }

    @GetMapping(PATH + "/{id}")
    ModelAndView show(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame, @PathVariable String id) {
        return ConsoleView.managersOnly(person, MANAGERS,
                () -> ConsoleView.answered(frame, () -> one(person, id, HttpStatus.OK, null, null)));
    }

    @PostMapping(PATH + "/{id}")
    ModelAndView edit(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            RedirectAttributes redirect, @PathVariable String id, @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(required = false) List<String> events) {
        return ConsoleView.answered(frame, () -> {
            try {
                callbacks.edit(person, id, new Callbacks.Request(url, events == null ? List.of() : events, description,
                        enabled));
                return ConsoleView.seeOther(redirect, PATH + "/" + id, "Endpoint saved.");
            } catch (Refusal refused) {
                if (refused.kind() == Refusal.Kind.NOT_FOUND) {
                    throw refused;
                }
                return one(person, id, RefusalStatus.of(refused), null, refused.getMessage());
            }
        });
    }

    @GetMapping(PATH + "/{id}/delete")
    ModelAndView confirmDelete(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            @PathVariable String id) {
        return ConsoleView.managersOnly(person, MANAGERS, () -> ConsoleView.answered(frame,
                () -> ConsoleView.titled(frame, "Delete callback endpoint", "callback-delete",
                        CallbacksPage.Row.of(callbacks.find(person.organizationId(), id)))));
    }

    @PostMapping(PATH + "/{id}/delete")
    ModelAndView delete(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            RedirectAttributes redirect, @PathVariable String id) {
        return ConsoleView.answered(frame, () -> {
            callbacks.delete(person, id);
            return ConsoleView.seeOther(redirect, PATH, "Endpoint deleted, with its messages.");
        });
    }

    @PostMapping(PATH + "/{id}/rotate-secret")
    ModelAndView rotate(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame, @PathVariable String id) {
        return ConsoleView.answered(frame,
                () -> one(person, id, HttpStatus.OK, callbacks.rotate(person, id).secret(), null));
    }

    @PostMapping(PATH + "/{id}/test")
    ModelAndView test(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            RedirectAttributes redirect, @PathVariable String id) {
        return ConsoleView.answered(frame, () -> ConsoleView.seeOther(redirect, PATH + "/" + id, "Test event "
                + callbacks.test(person, id).webhookId() + " queued: it goes out within seconds; reload to see the answer."));
    }

    @PostMapping(PATH + "/messages/{messageId}/retry")
    ModelAndView retry(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            RedirectAttributes redirect, @PathVariable long messageId) {
        return ConsoleView.answered(frame, () -> {
            MessageView message = callbacks.retry(person, messageId);
            return ConsoleView.seeOther(redirect, PATH + "/" + message.endpointId(),
                    "Message " + message.webhookId() + " goes out again at once.");
        });
    }

    private ModelAndView list(Person person, HttpStatus status, String secret, CallbacksPage.Form form, String error) {
        return ConsoleView.page(status, "callbacks",
                CallbacksPage.list(callbacks.list(person.organizationId()), secret, form, error));
    }

    private ModelAndView one(Person person, String id, HttpStatus status, String secret, String error) {
        CallbackEndpoint endpoint = callbacks.find(person.organizationId(), id);
        var form = CallbacksPage.Form.of(endpoint.url(), endpoint.description(), endpoint.enabled(), endpoint.events());
        return ConsoleView.page(status, "callback", CallbacksPage.one(endpoint,
                callbacks.recent(person.organizationId(), id, RECENT), secret, form, error));
    }
}
