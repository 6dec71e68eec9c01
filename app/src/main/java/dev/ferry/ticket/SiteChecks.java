package dev.ferry.ticket;

import dev.ferry.jira.IssueType;
import dev.ferry.jira.JiraClient;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraFieldChoices;
import dev.ferry.jira.JiraRefusals;
import dev.ferry.jira.JiraSite;
import dev.ferry.principal.Caller;
import dev.ferry.refusal.BodyChecks;
import dev.ferry.refusal.InvalidBody;
import dev.ferry.refusal.Refusal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The checks only the site can answer, made before anything is stored or filed: the project (or the
 * connection's default), the issue type in the project's create metadata, the priority among those that
 * issue type's create screen allows (by name, any case) and the assignee among the project's assignable users.
 */
@Component
class SiteChecks {

    private final TicketChoices choices;
    private final JiraClient jira;
    private final JiraFieldChoices fields;

    SiteChecks(TicketChoices choices, JiraClient jira, JiraFieldChoices fields) {
        this.choices = choices;
        this.jira = jira;
        this.fields = fields;
    }

    /**
     * What Jira will be sent, as the site names it.
     *
     * @param priority the site's own spelling of the priority, or null for none
     */
    record Checked(JiraSite site, String project, IssueType issueType, String priority) {
    }

    Checked check(Caller caller, TicketDraft draft) {
        JiraSite site = choices.site(caller, draft.site());
        String project = project(caller, draft);
        List<IssueType> types = ask(() -> jira.issueTypes(site, project), "for the issue types of " + project,
                InvalidBody.of("/project", "Jira has no project " + project + " the connection can file issues in"));
        BodyChecks checks = new BodyChecks();
        Optional<IssueType> type = issueType(types, draft.issueType());
        checks.require(type.isPresent(), "/issueType", "project " + project + " has no issue type " + draft.issueType()
                + "; it has " + String.join(", ", types.stream().filter(t -> !t.subtask()).map(IssueType::name).toList()));
        String priority = type.map(known -> priority(site, project, known, draft.priority(), checks)).orElse(null);
        if (draft.assigneeAccountId() != null) {
            boolean assignable = ask(() -> fields.isAssignable(site, project, draft.assigneeAccountId()),
                    "whether " + draft.assigneeAccountId() + " may be assigned", null);
            checks.require(assignable, "/assignee", "Jira knows no user " + draft.assigneeAccountId()
                    + " who may be assigned issues in " + project);
        }
        checks.refuseIfAny();
        return new Checked(site, project, type.orElseThrow(), priority);
    }

    /** The project asked for, else the connection's default; an install has none, so it must be named. */
    private String project(Caller caller, TicketDraft draft) {
        if (!DraftChecks.blank(draft.project())) {
            if (draft.project().length() > 64) {
                throw InvalidBody.of("/project", "project must be a project key (at most 64 characters)");
            }
            return draft.project().strip();
        }
        return choices.defaultProject(caller, draft.site()).orElseThrow(() -> InvalidBody.of("/project",
                "project is required: the site " + draft.site() + " has no default project"));
    }

    /** Matched by id, else by name in any case, as Jira's create accepts either; sub-tasks need a parent. */
    static Optional<IssueType> issueType(List<IssueType> types, String wanted) {
        String asked = wanted.strip();
        return types.stream().filter(type -> !type.subtask())
                .filter(type -> type.id().equals(asked) || type.name().equalsIgnoreCase(asked)).findFirst();
    }

    /**
     * The site's spelling of the priority, among those the create screen of this project and issue type
     * allows; a screen without the Priority field takes none, and Jira would refuse the whole create.
     */
    private String priority(JiraSite site, String project, IssueType type, String wanted, BodyChecks checks) {
        if (wanted == null) {
            return null;
        }
        Optional<List<String>> allowed = ask(() -> fields.priorities(site, project, type.id()),
                "for the priorities of " + project + " " + type.name(), null);
        if (allowed.isEmpty()) {
            checks.require(false, "/priority", noPriorityField(project, type));
            return null;
        }
        Optional<String> known = match(allowed.get(), wanted);
        checks.require(known.isPresent(), "/priority", "the site has no priority " + wanted + " for " + project + " "
                + type.name() + "; it has " + String.join(", ", allowed.get()));
        return known.orElse(null);
    }

    /** Why no priority may be given: Jira refuses a field its create screen lacks. */
    static String noPriorityField(String project, IssueType type) {
        return "the create screen of " + project + " " + type.name() + " has no Priority field, so Jira would refuse"
                + " any priority: leave priority out (Jira uses its default) or ask a Jira admin to add the field";
    }

    /** The site's spelling of the priority, matched by name in any case. */
    static Optional<String> match(List<String> names, String wanted) {
        String asked = wanted.strip().toLowerCase(Locale.ROOT);
        return names.stream().filter(name -> name.toLowerCase(Locale.ROOT).equals(asked)).findFirst();
    }

    private static <T> T ask(Supplier<T> call, String asking, Refusal notFound) {
        try {
            return call.get();
        } catch (JiraException e) {
            throw JiraRefusals.problem(e, notFound == null ? JiraRefusals.refused(e, asking) : notFound, asking);
        }
    }
}
