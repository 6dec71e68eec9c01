package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.simulator.rest.Project;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A refresh of a destination's issue types is audited with who asked and which rules' issue types Jira now
 * gives other ids. The refresh reads Jira the same way over every kind, so one kind shows it.
 */
@SiteKind.Only(SiteKind.INSTALL)
class IssueTypeRefreshAuditJourneyTest extends WithLinkedDestination {

    @Test
    void aRefreshIsAuditedWithTheKeyAndTheIssueTypesThatChanged() {
        jira.data().addProject("10031", "AUD", "Audited", List.of(new Project.IssueType("10001", "Task", false),
                new Project.IssueType("10002", "Bug", false), new Project.IssueType("10003", "Story", false)));
        String audited = site.addDestination("AUD");
        // Jira recreated the project's Bug type: same name, new id.
        jira.data().addProject("10031", "AUD", "Audited", List.of(new Project.IssueType("10001", "Task", false),
                new Project.IssueType("10042", "Bug", false), new Project.IssueType("10003", "Story", false)));

        ProductApi.Reply refreshed = api.post("/api/v1/destinations/" + audited + "/refresh-issue-types", "{}");
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        api.post("/api/v1/destinations/" + audited + "/refresh-issue-types", "{}");

        JsonNode records = api.get("/api/v1/audit?action=ISSUE_TYPES_REFRESHED").json().path("records");
        assertThat(records).hasSize(2);
        JsonNode first = records.get(1);
        assertThat(first.path("actor").asString()).startsWith("api-key:");
        assertThat(first.path("target").asString()).isEqualTo("destination " + audited);
        assertThat(first.path("detail").asString()).startsWith("AUD on " + clientKey + ": ")
                .contains("Bug for ").contains("10002 -> 10042").doesNotContain("Task for");
        assertThat(records.get(0).path("detail").asString()).endsWith(": no change");
    }
}
