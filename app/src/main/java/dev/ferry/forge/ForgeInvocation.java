package dev.ferry.forge;

import java.net.URI;
import java.time.Instant;

/**
 * What a verified Forge Invocation Token says about the call.
 *
 * @param installationId the Forge installation (Ferry keys what it keeps for the install on it)
 * @param apiBaseUrl     where calls to the product go with the tokens of this invocation
 *                       ({@code https://api.atlassian.com/ex/jira/{cloudId}})
 * @param principal      the user's accountId for a call from the UI; null for events and triggers
 * @param issueId        the issue a UI module was opened on ({@code context.extension.issue.id}); null elsewhere
 * @param issueKey       that issue's key ({@code context.extension.issue.key}); null elsewhere
 */
public record ForgeInvocation(String appId, String installationId, URI apiBaseUrl, String environment, String module,
        String cloudId, String siteUrl, String principal, String tokenId, Instant expiresAt, String issueId,
        String issueKey) {
}
