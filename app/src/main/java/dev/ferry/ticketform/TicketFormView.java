package dev.ferry.ticketform;

import dev.ferry.console.Shown;
import dev.ferry.destination.DestinationsPage;
import dev.ferry.jira.IssueType;
import dev.ferry.jira.JiraProject;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.sitelink.LinkedSite;
import dev.ferry.sitelink.LinkedSites;
import dev.ferry.ticket.TicketChoices;
import dev.ferry.ticketform.TicketFormPage.IssueTypeField;
import dev.ferry.ticketform.TicketFormPage.Option;
import dev.ferry.ticketform.TicketFormPage.ProjectField;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Builds the create form's page from what the chosen site offers. A choice Jira cannot list now does not
 * stop the form: the page says so and offers what it can (any project key typed, the five usual priorities).
 */
@Component
class TicketFormView {

    private final TicketChoices choices;
    private final LinkedSites sites;
    private final PriorityOptions priorities;

    TicketFormView(TicketChoices choices, LinkedSites sites, PriorityOptions priorities) {
        this.choices = choices;
        this.sites = sites;
        this.priorities = priorities;
    }

    /**
     * The page for this form; a form without a project gets the site's default, one without a key (a first
     * render) or with a refused one gets a fresh key.
     */
    TicketFormPage page(Person person, TicketForm typed, boolean freshKey, FormErrors errors) {
        List<LinkedSite> linked = sites.of(person.organizationId());
        LinkedSite site = linked.stream().filter(s -> s.clientKey().equals(typed.site())).findFirst()
                .orElse(linked.isEmpty() ? null : linked.get(0));
        List<String> notices = new ArrayList<>();
        String key = freshKey || typed.idempotencyKey().isEmpty() ? UUID.randomUUID().toString() : typed.idempotencyKey();
        TicketForm form = typed.with(site == null ? "" : site.clientKey(),
                typed.project().isEmpty() && site != null ? defaultProject(person, site.clientKey(), notices) : typed.project(),
                key);
        var siteOptions = linked.stream()
                .map(s -> new Option(s.clientKey(), label(s), s.clientKey().equals(form.site()))).toList();
        IssueTypeField types = site == null ? new IssueTypeField(List.of(), null)
                : issueTypes(person, form.site(), form.project(), form.issueType());
        return new TicketFormPage(TicketFormPages.subject(form), siteOptions, linked.size() > 1, form.site(),
                site == null ? "" : label(site), site == null, projects(person, form, notices), types,
                form.summary(), form.description(),
                priorities.field(person, form.site(), form.project(), types, form.priority(), false), form.labels(),
                ChoiceFragments.picker(form.assigneeAccountId(), form.assigneeName()),
                form.idempotencyKey(), !errors.all().isEmpty(), errors.all(), errors.fields(), notices);
    }

    /** The project's issue types (subtasks left out: a ticket by hand has no parent), the chosen one selected. */
    IssueTypeField issueTypes(Person person, String site, String project, String chosen) {
        if (project.isEmpty()) {
            return new IssueTypeField(List.of(), "Choose a project first.");
        }
        try {
            List<Option> options = choices.issueTypes(person, site, project).stream().filter(type -> !type.subtask())
                    .map(type -> new Option(type.id(), type.name(), is(type, chosen))).toList();
            return new IssueTypeField(options, options.isEmpty() ? "Jira lists no issue type for " + project + "." : null);
        } catch (Refusal refused) {
            return new IssueTypeField(List.of(), Shown.sentence(refused.getMessage()));
        }
    }

    private static boolean is(IssueType type, String chosen) {
        return type.id().equals(chosen) || type.name().equalsIgnoreCase(chosen);
    }

    private String defaultProject(Person person, String site, List<String> notices) {
        try {
            return choices.defaultProject(person, site).orElse("");
        } catch (Refusal refused) {
            notices.add(Shown.sentence(refused.getMessage()));
            return "";
        }
    }

    /** The projects Jira lists, with the chosen one selected (added when Jira did not list it). */
    private ProjectField projects(Person person, TicketForm form, List<String> notices) {
        List<JiraProject> listed = List.of();
        if (!form.site().isEmpty()) {
            try {
                listed = choices.projects(person, form.site());
            } catch (Refusal refused) {
                notices.add("Jira's projects could not be listed: " + Shown.sentence(refused.getMessage())
                        + " Type the project key instead.");
            }
        }
        String chosen = form.project();
        boolean known = listed.stream().anyMatch(project -> project.key().equalsIgnoreCase(chosen));
        Stream<Option> first = known ? Stream.empty()
                : Stream.of(new Option(chosen, chosen.isEmpty() ? "Choose a project" : chosen, true));
        List<Option> options = Stream.concat(first, listed.stream().map(project -> new Option(project.key(),
                project.key() + " · " + project.name(), project.key().equalsIgnoreCase(chosen)))).toList();
        return new ProjectField(chosen, options, !listed.isEmpty());
    }

    /** The issue types of the project and the priorities of the chosen one, as htmx swaps them in. */
    TicketFormPage.Choices choices(Person person, String site, String project, String issueType, String priority) {
        IssueTypeField types = issueTypes(person, site, project, issueType);
        return new TicketFormPage.Choices(types, priorities.field(person, site, project, types, priority, true));
    }

    /** The site as people know it: its address, and how Ferry reaches it. */
    private static String label(LinkedSite site) {
        String how = switch (site.kind()) {
            case "api_token" -> "API token";
            case "oauth" -> "OAuth";
            default -> "app";
        };
        return DestinationsPage.siteLabel(site) + " (" + how + ")";
    }
}
