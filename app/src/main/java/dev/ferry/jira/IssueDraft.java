package dev.ferry.jira;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A ticket to file: {@code POST /rest/api/3/issue}. The properties are written with the issue itself,
 * so a marker set here exists exactly when the issue does.
 *
 * @param issueTypeId   the issue type's id when known, else null and {@code issueTypeName} is sent
 * @param description   an ADF document already cut to Jira's limit
 * @param properties    issue properties set atomically with the create
 */
public record IssueDraft(String projectKey, String issueTypeId, String issueTypeName, String summary,
        JsonNode description, String priority, List<String> labels, Map<String, JsonNode> properties) {
}
