package dev.ferry.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.jira.IssueType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the site's own values are matched: priorities by name in any case, issue types by id or name. */
class SiteChecksTest {

    private static final List<String> PRIORITIES = List.of("Highest", "High", "Medium", "Low", "Lowest");
    private static final List<IssueType> TYPES = List.of(new IssueType("10001", "Task", false),
            new IssueType("10002", "Bug", false), new IssueType("10005", "Sub-task", true));

    @Test
    void aPriorityIsMatchedByNameInAnyCaseAndSentInTheSitesSpelling() {
        assertThat(SiteChecks.match(PRIORITIES, "high")).contains("High");
        assertThat(SiteChecks.match(PRIORITIES, " LOWEST ")).contains("Lowest");
    }

    @Test
    void aPriorityTheSiteLacksMatchesNothing() {
        assertThat(SiteChecks.match(PRIORITIES, "Blocker")).isEmpty();
        assertThat(SiteChecks.match(PRIORITIES, "Hig")).isEmpty();
    }

    @Test
    void anIssueTypeIsMatchedByIdOrByNameButNeverASubtask() {
        assertThat(SiteChecks.issueType(TYPES, "10002")).map(IssueType::name).contains("Bug");
        assertThat(SiteChecks.issueType(TYPES, "task")).map(IssueType::id).contains("10001");
        assertThat(SiteChecks.issueType(TYPES, "Sub-task")).isEmpty();
        assertThat(SiteChecks.issueType(TYPES, "Epic")).isEmpty();
    }
}
