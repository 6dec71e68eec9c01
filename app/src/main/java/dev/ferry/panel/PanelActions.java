package dev.ferry.panel;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.link.TicketLink;
import dev.ferry.link.TicketLinks;
import dev.ferry.refusal.Refusal;
import dev.ferry.sitelink.SiteLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the issue panel's buttons do, in the Connect panel and the Forge one, for the person Jira says is looking:
 * only to links of the issue the token was issued on (link ids are sequential, so any other would be a guess),
 * only when Jira says that person may edit the issue, and every unlink goes to the audit log under their Jira
 * account.
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

    void unlink(PanelViewer viewer, long linkId) {
        TicketLink link = editableLink(viewer, linkId);
        transaction.executeWithoutResult(status -> {
            if (!links.unlink(viewer.siteKey(), linkId)) {
                throw notOnThisIssue(linkId);
            }
            audit.record(siteLinks.organizationOf(viewer.siteKey()).orElse(null),
                    "jira:" + viewer.accountId().orElseThrow(), AuditAction.LINK_REMOVED, link.issueKey(),
                    "removed in " + viewer.where() + " on site " + viewer.siteKey() + ": link " + linkId + " to "
                            + link.object().type() + " " + link.object().id());
        });
    }

    TicketLink refresh(PanelViewer viewer, long linkId) {
        editableLink(viewer, linkId);
        return links.refreshStatus(viewer.siteKey(), linkId).orElseThrow(() -> notOnThisIssue(linkId));
    }

    /** The link, if it belongs to the token's site and issue and Jira lets the token's user edit that issue. */
    private TicketLink editableLink(PanelViewer viewer, long linkId) {
        String issueId = viewer.issueId().orElseThrow(() -> notOnThisIssue(linkId));
        TicketLink link = links.find(viewer.siteKey(), linkId).filter(found -> found.issueId().equals(issueId))
                .orElseThrow(() -> notOnThisIssue(linkId));
        String accountId = viewer.accountId().orElseThrow(() -> Refusal.forbidden("the token names no Jira user"));
        editors.requireEditor(viewer.siteKey(), accountId, issueId);
        return link;
    }

    private static Refusal notOnThisIssue(long linkId) {
        return Refusal.notFound("no link " + linkId + " on this issue");
    }
}
