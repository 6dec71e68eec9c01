package dev.ferry.ingest;

import java.time.Instant;

/**
 * One thing one person did in Jira or Confluence, as a stream or a webhook found it.
 *
 * @param naturalKey     names this activity the same way whoever saw it: see {@link NaturalKeys}
 * @param actorAccountId the Atlassian accountId of who did it; null when Jira does not say (an anonymous change)
 * @param actorName      the actor's display name as Jira showed it then; kept in the account directory, not here
 * @param objectType     {@code issue}, {@code comment}, {@code worklog}, {@code page}, {@code page-comment}
 * @param objectId       the object's id (an issue's id for issue activities, a comment's id for comments...)
 * @param objectKey      the issue key the activity is about (Jira), null for Confluence
 * @param container      the project key (Jira) or space key (Confluence)
 * @param title          the issue summary or page title, when known; cut to 255 characters by the store
 * @param detail         a small JSON object (field, from, to; timeSpentSeconds, started; version); ≤ 4,000 chars
 * @param url            where a person sees it: {@code {site}/browse/KEY}, the page's web link
 */
public record Activity(String naturalKey, ActivityKind kind, String actorAccountId, String actorName,
        Instant occurredAt, String objectType, String objectId, String objectKey, String container, String title,
        String detail, String url) {
}
