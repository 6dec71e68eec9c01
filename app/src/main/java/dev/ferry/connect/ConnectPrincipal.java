package dev.ferry.connect;

import java.util.Optional;

/**
 * Who made a verified Connect request: the site, and the Atlassian user when Jira named one.
 *
 * @param clientKey      the site
 * @param accountId      the user's Atlassian accountId, empty for webhooks and lifecycle calls
 * @param context        true when authenticated with a browser context token ({@code qsh: context-qsh})
 * @param contextIssueId the issue a context token was issued on ({@code context.jira.issue.id}), empty when
 *                       it names none or the token is not a context token
 */
public record ConnectPrincipal(String clientKey, Optional<String> accountId, boolean context,
        Optional<String> contextIssueId) {

    public ConnectPrincipal(String clientKey, Optional<String> accountId, boolean context) {
        this(clientKey, accountId, context, Optional.empty());
    }
}
