package dev.ferry.link;

import dev.ferry.webhook.RejectedDeliveryException;
import dev.ferry.webhook.WebhookEvent;
import dev.ferry.webhook.WebhookProcessor;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Keeps links in step with Jira's issue events: status and key (an issue moved to another project)
 * follow updates, a deleted issue marks its links. Older events than the last one applied are ignored. Each link
 * that really changed is announced ({@link LinkChanges}) in the same transaction.
 */
@Component
class IssueEventProcessor implements WebhookProcessor {

    private final TicketLinkRepository links;
    private final LinkChanges changes;
    private final Clock clock;

    IssueEventProcessor(TicketLinkRepository links, LinkChanges changes, Clock clock) {
        this.links = links;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public Set<String> events() {
        return Set.of("jira:issue_created", "jira:issue_updated", "jira:issue_deleted");
    }

    @Override
    @Transactional
    public void process(WebhookEvent event) {
        JsonNode issue = event.body().path("issue");
        String issueId = issue.path("id").asString("");
        if (issueId.isEmpty()) {
            throw new RejectedDeliveryException("the body has no issue.id");
        }
        Timestamp asOf = Timestamp.from(event.timestamp());
        Timestamp now = Timestamp.from(clock.instant());
        Map<Long, LinkSnapshot> before = links.lockForIssue(event.clientKey(), issueId).stream()
                .collect(Collectors.toMap(TicketLink::id, LinkSnapshot::of));
        if (before.isEmpty()) {
            return;
        }
        int updated;
        if (event.event().equals("jira:issue_deleted")) {
            updated = links.markIssueDeleted(event.clientKey(), issueId, asOf, now);
        } else {
            JsonNode status = issue.path("fields").path("status");
            updated = links.applyIssueState(event.clientKey(), issueId, issue.path("key").asString(null),
                    status.path("name").asString(null), status.path("statusCategory").path("key").asString(null), asOf,
                    now);
        }
        if (updated > 0) {
            announce(before, links.findByClientKeyAndIssueIdOrderByCreatedAt(event.clientKey(), issueId));
        }
    }

    private void announce(Map<Long, LinkSnapshot> before, List<TicketLink> after) {
        after.stream().filter(link -> before.containsKey(link.id()))
                .forEach(link -> changes.changed(before.get(link.id()), link));
    }
}
