package dev.ferry.destination;

import dev.ferry.console.ConsoleFrame;
import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.principal.Person;
import dev.ferry.template.InvalidTemplateException;
import dev.ferry.web.ApiProblem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One destination in the admin console: its event table, editing a rule with a live preview, saving it. */
@Controller
@ConsolePage(nav = "destinations")
class RulePages {

    private final Destinations destinations;
    private final RuleEditors editors;

    RulePages(Destinations destinations, RuleEditors editors) {
        this.destinations = destinations;
        this.editors = editors;
    }

    /** {@code rule}: the event type whose rule the editor shows. */
    @GetMapping(DestinationPages.PATH + "/{id}")
    ModelAndView show(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame, @PathVariable String id,
            @RequestParam(required = false) String rule) {
        try {
            Destination destination = destinations.find(person, id);
            return page(frame, HttpStatus.OK, editors.page(person.organizationId(), destination, rule, null, null));
        } catch (ApiProblem missing) {
            return ConsoleView.notFound(frame, "No such destination", missing.getMessage());
        }
    }

    @PostMapping(DestinationPages.PATH + "/{id}/rules/{eventType}")
    ModelAndView save(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            RedirectAttributes redirect, @PathVariable String id,
            @PathVariable String eventType, @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "") String issueType, @RequestParam(defaultValue = "") String priority,
            @RequestParam(defaultValue = "") String summaryTemplate,
            @RequestParam(defaultValue = "TEXT") String descriptionFormat,
            @RequestParam(defaultValue = "") String descriptionTemplate, @RequestParam(defaultValue = "") String labels) {
        RuleForm form = new RuleForm(eventType, enabled, issueType, priority, summaryTemplate, descriptionFormat,
                descriptionTemplate, labels);
        try {
            destinations.updateRule(person, id, eventType, form.settings());
            return ConsoleView.seeOther(redirect, DestinationPages.PATH + "/" + id + "?rule="
                    + URLEncoder.encode(eventType, StandardCharsets.UTF_8), "Rule for " + eventType + " saved.");
        } catch (ApiProblem | InvalidTemplateException refused) {
            return refusedSave(person, frame, id, form, refused);
        }
    }

    /** The live preview: an HTML fragment htmx swaps into the editor as the person types. */
    @PostMapping(DestinationPages.PATH + "/{id}/preview")
    ModelAndView preview(Person person, @PathVariable String id, @RequestParam String eventType,
            @RequestParam(defaultValue = "") String summaryTemplate,
            @RequestParam(defaultValue = "TEXT") String descriptionFormat,
            @RequestParam(defaultValue = "") String descriptionTemplate) {
        destinations.find(person, id);
        RuleForm form = new RuleForm(eventType, true, null, "", summaryTemplate, descriptionFormat, descriptionTemplate, "");
        return ConsoleView.page("rule-preview", editors.preview(person.organizationId(), form));
    }

    private ModelAndView refusedSave(Person person, ConsoleFrame frame, String id, RuleForm form,
            RuntimeException refused) {
        Destination destination;
        try {
            destination = destinations.find(person, id);
        } catch (ApiProblem missing) {
            return ConsoleView.notFound(frame, "No such destination", missing.getMessage());
        }
        boolean known = destination.rule(form.eventType()).isPresent();
        RulesPage page = editors.page(person.organizationId(), destination, null, known ? form : null,
                refused.getMessage());
        HttpStatus status = refused instanceof ApiProblem problem ? problem.status()
                : HttpStatus.BAD_REQUEST;
        return page(frame, status, page);
    }

    private static ModelAndView page(ConsoleFrame frame, HttpStatus status, RulesPage page) {
        return ConsoleView.page(status, "destination", page)
                .addObject(ConsoleView.FRAME, frame.titled("Destination " + page.projectKey()));
    }
}
