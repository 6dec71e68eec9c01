package dev.ferry.link;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.event.EventRequest;
import dev.ferry.event.EventValidator;
import dev.ferry.jira.JiraClient;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraIssue;
import dev.ferry.jira.JiraRefusals;
import dev.ferry.jira.JiraSite;
import dev.ferry.principal.Caller;
import dev.ferry.refusal.Refusal;
import dev.ferry.site.SiteDirectory;
import dev.ferry.sitelink.SiteLinks;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person links an existing Jira ticket to an object by key, or removes a link; both are audited. */
@Service
class ManualLinks {

    private final TicketLinks links;
    private final SiteLinks siteLinks;
    private final SiteDirectory sites;
    private final JiraClient jira;
    private final AuditLog audit;
    private final Clock clock;

    ManualLinks(TicketLinks links, SiteLinks siteLinks, SiteDirectory sites, JiraClient jira, AuditLog audit,
            Clock clock) {
        this.links = links;
        this.siteLinks = siteLinks;
        this.sites = sites;
        this.jira = jira;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    TicketLink link(Caller caller, LinksController.NewLink request) {
        if (request.issueKey() == null || !request.issueKey().matches("[A-Z][A-Z0-9_]*-[1-9][0-9]*")) {
            throw Refusal.invalid("issueKey must be a Jira issue key such as PROJ-123");
        }
        EventValidator.validSubject(request.subject());
        JiraSite site = linkedSite(caller, request.site());
        JiraIssue issue = issue(site, request.issueKey());
        EventRequest.SubjectBody subject = request.subject();
        TicketLink link = links.link(site.clientKey(),
                new IssueState(issue.id(), issue.key(), issue.statusName(), issue.statusCategory(), clock.instant()),
                new LinkedObject(subject.type(), subject.id(), subject.title(), subject.url(), null), LinkOrigin.MANUAL,
                LinkProvenance.manual(caller.organizationId()));
        audit.record(caller.organizationId(), caller.actor(), AuditAction.LINK_CREATED_MANUALLY, issue.key(),
                subject.type() + " " + subject.id());
        return link;
    }

    @Transactional
    void unlink(Caller caller, long id) {
        TicketLink link = links.unlinkForOrganization(caller.organizationId(), id)
                .orElseThrow(() -> LinksController.noLink(id));
        audit.record(caller.organizationId(), caller.actor(), AuditAction.LINK_REMOVED, link.issueKey(),
                link.object().type() + " " + link.object().id());
    }

    private JiraSite linkedSite(Caller caller, String clientKey) {
        if (clientKey == null || !siteLinks.organizationOf(clientKey).map(caller.organizationId()::equals).orElse(false)) {
            throw Refusal.notFound("no site " + clientKey + " is linked to this organization");
        }
        return sites.callable(clientKey).orElseThrow(() -> Refusal.conflict("Ferry is not installed on " + clientKey));
    }

    private JiraIssue issue(JiraSite site, String key) {
        try {
            return jira.getIssueStatus(site, key);
        } catch (JiraException e) {
            throw JiraRefusals.problem(e, Refusal.notFound("Jira has no issue " + key + " the app can see"),
                    "to show " + key);
        }
    }
}
