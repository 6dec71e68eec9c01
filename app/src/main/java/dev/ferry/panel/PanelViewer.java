package dev.ferry.panel;

import dev.ferry.connect.ConnectPrincipal;
import java.util.Optional;

/**
 * Who acts on an issue's links and from where, as a signed token says: a Connect context token or a Forge
 * Invocation Token. The issue is the token's, never a parameter.
 *
 * @param accountId the Jira user the token names; empty when it names none
 * @param issueId   the issue the token was issued on; empty when it names none
 * @param where     where the action was taken, for the audit record
 */
record PanelViewer(String siteKey, Optional<String> accountId, Optional<String> issueId, String where) {

    static PanelViewer of(ConnectPrincipal principal) {
        return new PanelViewer(principal.clientKey(), principal.accountId(), principal.contextIssueId(),
                "Jira's issue panel");
    }
}
