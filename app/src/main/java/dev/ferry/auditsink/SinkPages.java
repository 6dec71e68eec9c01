package dev.ferry.auditsink;

import dev.ferry.console.ConsoleFrame;
import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.web.RefusalStatus;
import java.util.function.Supplier;
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
 * A collector's sink in the console, for Admins and Managers: set it (header values typed, never shown back), see
 * where delivery stands, post a test line, remove it after a confirm step. The rules are {@link Sinks}' own.
 */
@Controller
@ConsolePage(title = "Audit sink", nav = "audit-collectors")
class SinkPages {

    static final String PATH = "/admin/audit-collectors/{id}/sink";

    private final Sinks sinks;
    private final SinkProperties properties;

    SinkPages(Sinks sinks, SinkProperties properties) {
        this.sinks = sinks;
        this.properties = properties;
    }

    @GetMapping(PATH)
    ModelAndView show(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame, @PathVariable String id) {
        return managing(person, frame,
                () -> ConsoleView.answered(frame, () -> page(person, id, HttpStatus.OK, null, null)));
    }

    @PostMapping(PATH)
    ModelAndView save(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame, RedirectAttributes redirect,
            @PathVariable String id, @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String headers, @RequestParam(defaultValue = "") String batchSize,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "false") boolean replaceHeaders) {
        SinkForm form = new SinkForm(url, batchSize, enabled, replaceHeaders);
        return ConsoleView.answered(frame, () -> {
            try {
                sinks.set(person, id, form.request(headers));
                return ConsoleView.seeOther(redirect, path(id), "Sink saved.");
            } catch (Refusal refused) {
                if (refused.kind() == Refusal.Kind.NOT_FOUND) {
                    throw refused;
                }
                return page(person, id, RefusalStatus.of(refused), form, refused.getMessage());
            }
        });
    }

    @PostMapping(PATH + "/test")
    ModelAndView test(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame, RedirectAttributes redirect,
            @PathVariable String id) {
        return ConsoleView.answered(frame, () -> {
            SinkSender.Sent sent = sinks.test(person, id);
            String said = sent.answer() == null || sent.answer().isBlank() ? "" : ": " + sent.answer();
            return ConsoleView.seeOther(redirect, path(id), sent.accepted()
                    ? "Test line accepted, the sink answered " + sent.status() + said
                    : "Test line not accepted: " + sent.failure() + said);
        });
    }

    @GetMapping(PATH + "/remove")
    ModelAndView confirmRemove(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            @PathVariable String id) {
        return managing(person, frame, () -> ConsoleView.answered(frame,
                () -> ConsoleView.titled(frame, "Remove audit sink", "audit-sink-remove", removing(person, id))));
    }

    @PostMapping(PATH + "/remove")
    ModelAndView remove(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame, RedirectAttributes redirect,
            @PathVariable String id) {
        return ConsoleView.answered(frame, () -> {
            sinks.remove(person, id);
            return ConsoleView.seeOther(redirect, path(id), "Sink removed: Ferry no longer pushes this collector's records.");
        });
    }

    private ModelAndView page(Person person, String id, HttpStatus status, SinkForm typed, String error) {
        var shown = sinks.ofCollector(person.organizationId(), id);
        SinkForm form = typed != null ? typed
                : shown.map(sink -> SinkForm.of(sink.sink())).orElse(SinkForm.blank(properties.defaultBatchSize()));
        return ConsoleView.page(status, "audit-sink", SinkPage.of(id, shown.orElse(null), form, error));
    }

    private SinkPage removing(Person person, String id) {
        Sinks.WithLag shown = sinks.find(person.organizationId(), id);
        return SinkPage.of(id, shown, SinkForm.of(shown.sink()), null);
    }

    private static String path(String id) {
        return PATH.replace("{id}", id);
    }

    /** Members may open the console but not its configuration: their GETs are refused here, their posts by the chain. */
    private static ModelAndView managing(Person person, ConsoleFrame frame, Supplier<ModelAndView> page) {
        if (!person.canManage()) {
            return ConsoleView.forbidden(frame, "Only Admins and Managers see audit sinks. Ask an Admin of your organization.");
        }
        return page.get();
    }
}
