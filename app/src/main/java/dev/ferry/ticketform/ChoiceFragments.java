package dev.ferry.ticketform;

import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.console.Shown;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.ticket.TicketChoices;
import dev.ferry.ticketform.TicketFormPage.AssigneePicker;
import dev.ferry.ticketform.TicketFormPage.IssueTypeField;
import dev.ferry.ticketform.TicketFormPage.Suggestion;
import dev.ferry.ticketform.TicketFormPage.Suggestions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pieces of the create form htmx swaps in place: the issue types and their priorities when the project
 * or issue type changes, the
 * assignable users as the assignee is typed, and the picker once one is chosen. Each answers HTML.
 */
@Controller
@ConsolePage(title = "Create Jira ticket", nav = "links")
class ChoiceFragments {

    static final String ISSUE_TYPES = TicketFormPages.PATH + "/issue-types";
    static final String ASSIGNEES = TicketFormPages.PATH + "/assignees";
    static final String ASSIGNEE = TicketFormPages.PATH + "/assignee";
    /** As many names as a type-ahead list shows before the person types more. */
    static final int SUGGESTIONS = 10;

    private final TicketChoices choices;
    private final TicketFormView view;

    ChoiceFragments(TicketChoices choices, TicketFormView view) {
        this.choices = choices;
        this.view = view;
    }

    /** The issue types of the project, and out of band the priorities of the chosen one. */
    @GetMapping(ISSUE_TYPES)
    ModelAndView issueTypes(Person person, @RequestParam(defaultValue = "") String site,
            @RequestParam(defaultValue = "") String project, @RequestParam(defaultValue = "") String issueType,
            @RequestParam(defaultValue = "") String priority) {
        if (!person.canManage()) {
            return ConsoleView.page(HttpStatus.FORBIDDEN, "ticket-issue-types",
                    new IssueTypeField(List.of(), TicketFormPages.MEMBERS));
        }
        return ConsoleView.page("ticket-choices",
                view.choices(person, site, project.strip(), issueType.strip(), priority.strip()));
    }

    /** {@code assigneeQuery}: what is typed so far; blank lists nobody. */
    @GetMapping(ASSIGNEES)
    ModelAndView assignees(Person person, @RequestParam(defaultValue = "") String site,
            @RequestParam(defaultValue = "") String project, @RequestParam(defaultValue = "") String assigneeQuery) {
        String query = assigneeQuery.strip();
        if (!person.canManage()) {
            return ConsoleView.page(HttpStatus.FORBIDDEN, "ticket-assignees",
                    new Suggestions(List.of(), false, query, TicketFormPages.MEMBERS));
        }
        if (query.isEmpty()) {
            return ConsoleView.page("ticket-assignees", new Suggestions(List.of(), false, query, null));
        }
        if (project.isBlank()) {
            return ConsoleView.page("ticket-assignees", new Suggestions(List.of(), false, query,
                    "Choose a project first: Jira says who is assignable per project."));
        }
        try {
            List<Suggestion> found = choices.assignees(person, site, project.strip(), query, SUGGESTIONS).stream()
                    .map(user -> new Suggestion(user.accountId(), user.displayName(),
                            chooseHref(user.accountId(), user.displayName()))).toList();
            return ConsoleView.page("ticket-assignees", new Suggestions(found, found.isEmpty(), query, null));
        } catch (Refusal refused) {
            return ConsoleView.page("ticket-assignees", new Suggestions(List.of(), false, query,
                    Shown.sentence(refused.getMessage())));
        }
    }

    /** The picker with this person chosen; without an accountId, the type-ahead again. */
    @GetMapping(ASSIGNEE)
    ModelAndView assignee(@RequestParam(defaultValue = "") String accountId, @RequestParam(defaultValue = "") String name) {
        return ConsoleView.page("ticket-assignee", picker(accountId.strip(), name.strip()));
    }

    /** The name only shows the choice; the service checks the accountId is assignable before any create. */
    static AssigneePicker picker(String accountId, String name) {
        return new AssigneePicker(accountId, name.isEmpty() ? accountId : name, !accountId.isEmpty(), ASSIGNEE);
    }

    private static String chooseHref(String accountId, String name) {
        return ASSIGNEE + "?accountId=" + URLEncoder.encode(accountId, StandardCharsets.UTF_8) + "&name="
                + URLEncoder.encode(name == null ? "" : name, StandardCharsets.UTF_8);
    }
}
