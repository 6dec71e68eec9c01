package dev.ferry.ticket;

import dev.ferry.jira.IssueType;
import dev.ferry.jira.JiraProject;
import dev.ferry.principal.Caller;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What the site offers for a ticket filed by hand, asked from Jira for the caller's own linked sites:
 * projects, a project's issue types, the priority scheme's names and the users assignable in a project.
 */
@Service
public class TicketChoices {

    /** A user Jira says may be assigned issues in the project. */
    public record Assignee(String accountId, String displayName) {
    }

    /** The connection's default project, if it has one (an app install has none). */
    public Optional<String> defaultProject(Caller caller, String site) {
        throw new UnsupportedOperationException("filled in by the tickets branch");
    }

    public List<JiraProject> projects(Caller caller, String site) {
        throw new UnsupportedOperationException("filled in by the tickets branch");
    }

    public List<IssueType> issueTypes(Caller caller, String site, String project) {
        throw new UnsupportedOperationException("filled in by the tickets branch");
    }

    /** The names of the site's priorities, in the scheme's order. */
    public List<String> priorities(Caller caller, String site) {
        throw new UnsupportedOperationException("filled in by the tickets branch");
    }

    /** Up to {@code max} users assignable in the project whose name or email starts with the query. */
    public List<Assignee> assignees(Caller caller, String site, String project, String query, int max) {
        throw new UnsupportedOperationException("filled in by the tickets branch");
    }
}
