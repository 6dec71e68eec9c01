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

    /** A priority of the site's scheme. */
    record Priority(String name) {
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

    @GetMapping("/api/v1/sites/{site}/priorities")
    @RequiresScope(ApiScope.LINKS_READ)
    List<Priority> priorities(ApiCaller caller, @PathVariable String site) {
        return choices.priorities(caller, site).stream().map(Priority::new).toList();
    }

    @GetMapping("/api/v1/sites/{site}/projects/{project}/assignees")
    @RequiresScope(ApiScope.LINKS_READ)
    List<TicketChoices.Assignee> assignees(ApiCaller caller, @PathVariable String site, @PathVariable String project,
            @RequestParam(defaultValue = "") String query,
            @RequestParam(defaultValue = "" + TicketChoices.MAX_ASSIGNEES) int max) {
        return choices.assignees(caller, site, project, query, max);
    }
}
