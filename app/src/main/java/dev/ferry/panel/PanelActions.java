package dev.ferry.panel;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.connect.ConnectPrincipal;
import dev.ferry.link.TicketLink;
import dev.ferry.link.TicketLinks;
import dev.ferry.refusal.Refusal;
import dev.ferry.sitelink.SiteLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the issue panel's buttons do, for the person Jira says is looking: only to links of the issue the
 * token was issued on (link ids are sequential, so any other would be a guess), only when Jira says that
 * person may edit the issue, and every unlink goes to the audit log under their Jira account.
 */
@Service
class PanelActions {

    private final TicketLinks links;
    private final IssueEditors editors;
    private final SiteLinks siteLinks;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    PanelActions(TicketLinks links, IssueEditors editors, SiteLinks siteLinks, AuditLog audit,
            PlatformTransactionManager transactions) {
        this.links = links;
        this.editors = editors;
        this.siteLinks = siteLinks;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    void unlink(ConnectPrincipal principal, long linkId) {
        TicketLink link = editableLink(principal, linkId);
        transaction.executeWithoutResult(status -> {
            if (!links.unlink(principal.clientKey(), linkId)) {
                throw notOnThisIssue(linkId);
            }
            audit.record(siteLinks.organizationOf(principal.clientKey()).orElse(null),
                    "jira:" + principal.accountId().orElseThrow(), AuditAction.LINK_REMOVED, link.issueKey(),
                    "removed in Jira's issue panel on site " + principal.clientKey() + ": link " + linkId + " to "
                            + link.object().type() + " " + link.object().id());
        });
    }

    TicketLink refresh(ConnectPrincipal principal, long linkId) {
        editableLink(principal, linkId);
        return links.refreshStatus(principal.clientKey(), linkId).orElseThrow(() -> notOnThisIssue(linkId));
    }

    /** The link, if it belongs to the token's site and issue and Jira lets the token's user edit that issue. */
    private TicketLink editableLink(ConnectPrincipal principal, long linkId) {
        String issueId = principal.contextIssueId().orElseThrow(() -> notOnThisIssue(linkId));
        TicketLink link = links.find(principal.clientKey(), linkId).filter(found -> found.issueId().equals(issueId))
                .orElseThrow(() -> notOnThisIssue(linkId));
        String accountId = principal.accountId()
                .orElseThrow(() -> Refusal.forbidden("the token names no Jira user"));
        editors.requireEditor(principal.clientKey(), accountId, issueId);
        return link;
    }

    private static Refusal notOnThisIssue(long linkId) {
        return Refusal.notFound("no link " + linkId + " on this issue");
    }
}
