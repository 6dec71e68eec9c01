package dev.ferry.link;

import java.time.Instant;

/**
 * What Jira last said about an issue.
 *
 * @param statusCategory {@code new}, {@code indeterminate} or {@code done}: the key, since names are localised
 * @param asOf           when Jira made the change (a webhook's timestamp), so older news never overwrites newer
 */
public record IssueState(String issueId, String issueKey, String statusName, String statusCategory, Instant asOf) {
}
