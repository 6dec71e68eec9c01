package dev.ferry.destination;

import dev.ferry.console.ConsolePages;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.template.Pages;
import dev.ferry.web.RefusalStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** One destination in the admin console: its event table, editing a rule with a live preview, saving it. */
@Controller
class RulePages {

    private final ConsolePages pages;
    private final Pages fragments;
    private final Destinations destinations;
    private final RuleEditors editors;

    RulePages(ConsolePages pages, Pages fragments, Destinations destinations, RuleEditors editors) {
        this.pages = pages;
        this.fragments = fragments;
        this.destinations = destinations;
        this.editors = editors;
    }

    /** {@code rule}: the event type whose rule the editor shows. */
    @GetMapping(DestinationPages.PATH + "/{id}")
    ResponseEntity<String> show(Person person, HttpServletRequest request, @PathVariable String id,
            @RequestParam(required = false) String rule) {
        try {
            Destination destination = destinations.find(person, id);
            return page(person, request, HttpStatus.OK, editors.page(person.organizationId(), destination, rule, null, null));
        } catch (Refusal missing) {
            return pages.notFound(person, request, "No such destination", missing.getMessage());
        }
    }

    @PostMapping(DestinationPages.PATH + "/{id}/rules/{eventType}")
    ResponseEntity<String> save(Person person, HttpServletRequest request, @PathVariable String id,
            @PathVariable String eventType, @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "") String issueType, @RequestParam(defaultValue = "") String priority,
            @RequestParam(defaultValue = "") String summaryTemplate,
            @RequestParam(defaultValue = "TEXT") String descriptionFormat,
            @RequestParam(defaultValue = "") String descriptionTemplate, @RequestParam(defaultValue = "") String labels) {
        RuleForm form = new RuleForm(eventType, enabled, issueType, priority, summaryTemplate, descriptionFormat,
                descriptionTemplate, labels);
        try {
            destinations.updateRule(person, id, eventType, form.settings());
            return pages.seeOther(request, DestinationPages.PATH + "/" + id + "?rule="
                    + URLEncoder.encode(eventType, StandardCharsets.UTF_8), "Rule for " + eventType + " saved.");
        } catch (Refusal refused) {
            return refusedSave(person, request, id, form, refused);
        }
    }

    /** The live preview: an HTML fragment htmx swaps into the editor as the person types. */
    @PostMapping(DestinationPages.PATH + "/{id}/preview")
    ResponseEntity<String> preview(Person person, @PathVariable String id, @RequestParam String eventType,
            @RequestParam(defaultValue = "") String summaryTemplate,
            @RequestParam(defaultValue = "TEXT") String descriptionFormat,
            @RequestParam(defaultValue = "") String descriptionTemplate) {
        destinations.find(person, id);
        RuleForm form = new RuleForm(eventType, true, null, "", summaryTemplate, descriptionFormat, descriptionTemplate, "");
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(fragments.render("console/rule-preview", editors.preview(person.organizationId(), form)));
    }

    private ResponseEntity<String> refusedSave(Person person, HttpServletRequest request, String id, RuleForm form,
            Refusal refused) {
        Destination destination;
        try {
            destination = destinations.find(person, id);
        } catch (Refusal missing) {
            return pages.notFound(person, request, "No such destination", missing.getMessage());
        }
        boolean known = destination.rule(form.eventType()).isPresent();
        RulesPage page = editors.page(person.organizationId(), destination, null, known ? form : null,
                refused.getMessage());
        return page(person, request, RefusalStatus.of(refused), page);
    }

    private ResponseEntity<String> page(Person person, HttpServletRequest request, HttpStatus status, RulesPage page) {
        return pages.page(status, "destination", pages.frame(person, "Destination " + page.projectKey(), "destinations",
                request), page);
    }
}
