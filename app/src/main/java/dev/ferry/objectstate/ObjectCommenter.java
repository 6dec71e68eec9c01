package dev.ferry.objectstate;

import dev.ferry.admin.OrganizationDirectory;
import dev.ferry.jira.JiraClient;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraSite;
import dev.ferry.link.TicketLink;
import dev.ferry.link.TicketLinks;
import dev.ferry.site.SiteDirectory;
import dev.ferry.sitelink.SiteLinks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Writes one change's comment on one ticket exactly once. Jira's comment create is not idempotent, so the
 * comment carries a marker property and the row records that a write was attempted before the call: a retry
 * after a crash or a lost answer looks for the marked comment first and writes only when it is not there.
 * The issue's status is never touched.
 */
@Component
class ObjectCommenter {

    private static final Logger log = LoggerFactory.getLogger(ObjectCommenter.class);

    private final JiraClient jira;
    private final SiteDirectory sites;
    private final SiteLinks siteLinks;
    private final TicketLinks links;
    private final OrganizationDirectory organizations;
    private final CommentOutbox outbox;
    private final CommentFailures failures;

    ObjectCommenter(JiraClient jira, SiteDirectory sites, SiteLinks siteLinks, TicketLinks links,
            OrganizationDirectory organizations, CommentOutbox outbox, CommentFailures failures) {
        this.jira = jira;
        this.sites = sites;
        this.siteLinks = siteLinks;
        this.links = links;
        this.organizations = organizations;
        this.outbox = outbox;
        this.failures = failures;
    }

    void write(ClaimedComment row) {
        if (!siteLinks.organizationOf(row.clientKey()).map(row.organizationId()::equals).orElse(false)) {
            outbox.finish(row, "SKIPPED", "the site is no longer linked to the organization");
            return;
        }
        Optional<TicketLink> link = links.find(row.clientKey(), row.linkId());
        if (link.isEmpty()) {
            outbox.finish(row, "SKIPPED", "the ticket was unlinked from the object before the comment went out");
            return;
        }
        if (link.get().issueDeleted()) {
            outbox.finish(row, "FAILED", "the issue " + row.issueKey() + " is deleted in Jira");
            return;
        }
        if (!siteLinks.credentialsUsable(row.clientKey())) {
            failures.park(row, "Jira rejected the credentials Ferry holds for this site; waiting for a re-install, a new"
                    + " API token or a reconnect");
            return;
        }
        Optional<JiraSite> site = sites.callable(row.clientKey());
        if (site.isEmpty()) {
            failures.park(row, "Ferry is not installed on the site");
            return;
        }
        try {
            String commentId = comment(site.get(), row, outbox.change(row.changeId()));
            outbox.done(row, commentId);
            log.info("object comment {} (change {}) on {} of {}: comment {}", row.id(), row.changeId(), row.issueKey(),
                    row.clientKey(), commentId);
        } catch (JiraException e) {
            failures.jiraRefused(row, e);
        }
    }

    private String comment(JiraSite site, ClaimedComment row, ObjectChange change) {
        if (row.writeAttemptedAt() != null) {
            List<String> earlier = jira.findCommentsByProperty(site, row.issueId(), JiraClient.DELIVERY_PROPERTY,
                    JiraClient.DELIVERY_PROPERTY_PATH, row.marker());
            if (!earlier.isEmpty()) {
                return earlier.get(0);
            }
        }
        // Built before the write is marked: nothing after the mark may fail on Ferry's side before Jira is asked.
        JsonNode body = CommentText.adf(change, organizations.name(change.organizationId()).orElse("Ferry"));
        outbox.writeAttempted(row);
        return jira.addComment(site, row.issueId(), body, Map.of(JiraClient.DELIVERY_PROPERTY,
                JsonNodeFactory.instance.objectNode().put(JiraClient.DELIVERY_PROPERTY_PATH, row.marker())));
    }
}
