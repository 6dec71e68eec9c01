package dev.ferry.ticket;

import dev.ferry.jira.IssueType;
import dev.ferry.jira.JiraProject;
import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a linked site offers for a ticket filed by hand, asked from Jira: the values a form offers. */
@RestController
class TicketChoicesController {

    private final TicketChoices choices;

    TicketChoicesController(TicketChoices choices) {
        this.choices = choices;
    }

    /** The projects, and the one a ticket goes to when none is named (null for an app install). */
    record Projects(String defaultProject, List<JiraProject> projects) {
    }

    /** A priority a new issue of the type may have. */
    record Priority(String name) {
    }

    /**
     * The priorities the issue type's create screen allows, in the scheme's order.
     *
     * @param onCreateScreen false when the screen has no Priority field: then Jira refuses any priority
     */
    record Priorities(boolean onCreateScreen, List<Priority> priorities) {
    }

    @GetMapping("/api/v1/sites/{site}/projects")
    @RequiresScope(ApiScope.LINKS_READ)
    Projects projects(ApiCaller caller, @PathVariable String site) {
        List<JiraProject> projects = choices.projects(caller, site);
        return new Projects(choices.defaultProject(caller, site).orElse(null), projects);
    }

    @GetMapping("/api/v1/sites/{site}/projects/{project}/issue-types")
    @RequiresScope(ApiScope.LINKS_READ)
    List<IssueType> issueTypes(ApiCaller caller, @PathVariable String site, @PathVariable String project) {
        return choices.issueTypes(caller, site, project).stream().filter(type -> !type.subtask()).toList();
    }

    @GetMapping("/api/v1/sites/{site}/projects/{project}/issue-types/{issueType}/priorities")
    @RequiresScope(ApiScope.LINKS_READ)
    Priorities priorities(ApiCaller caller, @PathVariable String site, @PathVariable String project,
            @PathVariable String issueType) {
        return choices.priorities(caller, site, project, issueType)
                .map(names -> new Priorities(true, names.stream().map(Priority::new).toList()))
                .orElseGet(() -> new Priorities(false, List.of()));
    }

    @GetMapping("/api/v1/sites/{site}/projects/{project}/assignees")
    @RequiresScope(ApiScope.LINKS_READ)
    List<TicketChoices.Assignee> assignees(ApiCaller caller, @PathVariable String site, @PathVariable String project,
            @RequestParam(defaultValue = "") String query,
            @RequestParam(defaultValue = "" + TicketChoices.MAX_ASSIGNEES) int max) {
        return choices.assignees(caller, site, project, query, max);
    }
}
