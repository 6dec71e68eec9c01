package dev.ferry.ticketform;

import dev.ferry.console.Shown;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.ticket.TicketChoices;
import dev.ferry.ticketform.TicketFormPage.IssueTypeField;
import dev.ferry.ticketform.TicketFormPage.Option;
import dev.ferry.ticketform.TicketFormPage.PriorityField;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The priority select of the create form: the priorities the chosen issue type's create screen allows (the
 * first issue type until one is chosen), none when the screen has no Priority field, the usual five while
 * no project is chosen or Jira cannot say (the service checks the name before any create either way).
 */
@Component
class PriorityOptions {

    /** Jira's default priority scheme, offered when the issue type's own cannot be read. */
    static final List<String> USUAL_PRIORITIES = List.of("Highest", "High", "Medium", "Low", "Lowest");

    private final TicketChoices choices;

    PriorityOptions(TicketChoices choices) {
        this.choices = choices;
    }

    /** @param swap true when htmx swaps it in beside the issue types (out of band) */
    PriorityField field(Person person, String site, String project, IssueTypeField types, String chosen, boolean swap) {
        Optional<String> issueType = types.options().stream().filter(Option::selected).findFirst()
                .or(() -> types.options().stream().findFirst()).map(Option::value);
        if (site.isEmpty() || project.isEmpty() || issueType.isEmpty()) {
            return field(USUAL_PRIORITIES, chosen, "The priorities of the issue type show once a project is chosen.", swap);
        }
        try {
            return choices.priorities(person, site, project, issueType.get())
                    .map(names -> field(names, chosen, null, swap))
                    .orElseGet(() -> new PriorityField(List.of(none(true)), "The create screen of this issue type has"
                            + " no Priority field, so Jira sets its default and refuses any other.", swap));
        } catch (Refusal refused) {
            return field(USUAL_PRIORITIES, chosen, "The issue type's priorities could not be read, so the usual five"
                    + " are offered: " + Shown.sentence(refused.getMessage()), swap);
        }
    }

    /** No priority (the site's default) first, then the names in their order. */
    private static PriorityField field(List<String> names, String chosen, String hint, boolean swap) {
        return new PriorityField(Stream.concat(Stream.of(none(chosen.isEmpty())),
                names.stream().map(name -> new Option(name, name, name.equalsIgnoreCase(chosen)))).toList(), hint, swap);
    }

    private static Option none(boolean selected) {
        return new Option("", "None (the site's default)", selected);
    }
}
