package dev.ferry.panel;

import dev.ferry.jira.JiraPermissions;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraSite;
import dev.ferry.refusal.Refusal;
import dev.ferry.site.SiteDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks Jira whether a user may edit an issue before a panel action changes anything about it: the page
 * and its token say who is looking, only Jira says what they may do.
 */
@Component
class IssueEditors {

    private static final Logger log = LoggerFactory.getLogger(IssueEditors.class);

    private final SiteDirectory sites;
    private final JiraPermissions jira;

    IssueEditors(SiteDirectory sites, JiraPermissions jira) {
        this.sites = sites;
        this.jira = jira;
    }

    /** Returns quietly when Jira grants {@code EDIT_ISSUES}; refuses with 403, or 502 when Jira could not say. */
    void requireEditor(String clientKey, String accountId, String issueId) {
        JiraSite site = sites.callable(clientKey).orElseThrow(() -> Refusal.forbidden("Ferry is not installed on this site"));
        boolean editor;
        try {
            editor = jira.canEditIssue(site, accountId, issueId);
        } catch (JiraException e) {
            log.warn("site {}: the edit permission check for issue {} failed ({})", clientKey, issueId, e.getMessage());
            throw new Refusal(Refusal.Kind.JIRA_REFUSED, "Jira did not answer",
                    "Jira could not tell whether you may edit this issue; try again");
        }
        if (!editor) {
            throw Refusal.forbidden("only people who may edit this issue in Jira can change its linked objects");
        }
    }
}
