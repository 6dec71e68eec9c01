package dev.ferry.jira;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A ticket to file: {@code POST /rest/api/3/issue}. The properties are written with the issue itself,
 * so a marker set here exists exactly when the issue does.
 *
 * @param issueTypeId       the issue type's id when known, else null and {@code issueTypeName} is sent
 * @param description       an ADF document already cut to Jira's limit
 * @param properties        issue properties set atomically with the create
 * @param assigneeAccountId the assignee's accountId; null leaves the issue unassigned (or to the project's default)
 */
public record IssueDraft(String projectKey, String issueTypeId, String issueTypeName, String summary,
        JsonNode description, String priority, List<String> labels, Map<String, JsonNode> properties,
        String assigneeAccountId) {

    /** A draft without an assignee, as rule deliveries and test tickets file them. */
    public IssueDraft(String projectKey, String issueTypeId, String issueTypeName, String summary,
            JsonNode description, String priority, List<String> labels, Map<String, JsonNode> properties) {
        this(projectKey, issueTypeId, issueTypeName, summary, description, priority, labels, properties, null);
    }

    /** The same draft with {@code properties} written with it (a marker known only once a row exists). */
    public IssueDraft withProperties(Map<String, JsonNode> markers) {
        return new IssueDraft(projectKey, issueTypeId, issueTypeName, summary, description, priority, labels, markers,
                assigneeAccountId);
    }
}
