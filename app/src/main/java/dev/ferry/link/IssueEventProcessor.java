package dev.ferry.link;

import dev.ferry.webhook.RejectedDeliveryException;
import dev.ferry.webhook.WebhookEvent;
import dev.ferry.webhook.WebhookProcessor;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Keeps links in step with Jira's issue events: status and key (an issue moved to another project)
 * follow updates, a deleted issue marks its links. Older events than the last one applied are ignored.
 */
@Component
class IssueEventProcessor implements WebhookProcessor {

    private final TicketLinkRepository links;
    private final Clock clock;

    IssueEventProcessor(TicketLinkRepository links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    @Override
    public Set<String> events() {
        return Set.of("jira:issue_created", "jira:issue_updated", "jira:issue_deleted");
    }

    @Override
    public void process(WebhookEvent event) {
        JsonNode issue = event.body().path("issue");
        String issueId = issue.path("id").asString("");
        if (issueId.isEmpty()) {
            throw new RejectedDeliveryException("the body has no issue.id");
        }
        Timestamp asOf = Timestamp.from(event.timestamp());
        Timestamp now = Timestamp.from(clock.instant());
        if (event.event().equals("jira:issue_deleted")) {
            links.markIssueDeleted(event.clientKey(), issueId, asOf, now);
            return;
        }
        JsonNode status = issue.path("fields").path("status");
        links.applyIssueState(event.clientKey(), issueId, issue.path("key").asString(null), status.path("name").asString(null),
                status.path("statusCategory").path("key").asString(null), asOf, now);
    }
}
