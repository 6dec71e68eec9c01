package dev.ferry.panel;

import dev.ferry.FerryProperties;
import dev.ferry.descriptor.DescriptorTemplate;
import dev.ferry.jira.JiraAuth;
import dev.ferry.jira.JiraSite;
import dev.ferry.link.IssueLinksChanged;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The glance badge of an issue: the issue property Jira reads for the Connect glance
 * ({@code com.atlassian.jira.issue:{appKey}:{glanceKey}:status}) set to its number of linked objects. A ticket Ferry
 * files carries its first badge in the create call itself, so its first link needs no separate call and no
 * refresh row: {@link #filedWith} says so in the transaction that links it.
 */
@Component
public class GlanceBadges {

    private static final Object FILED_WITH_BADGE = new Object();

    private final String propertyKey;

    GlanceBadges(FerryProperties ferry) {
        String glanceKey = DescriptorTemplate.load().render("", "").at("/modules/jiraIssueGlances/0/key").asString();
        this.propertyKey = "com.atlassian.jira.issue:" + ferry.appKey() + ":" + glanceKey + ":status";
    }

    String propertyKey() {
        return propertyKey;
    }

    /** Only an installed Connect app has this glance (see {@link GlanceBadgeWorker}); nothing for other sites. */
    static boolean hasGlance(JiraSite site) {
        return site.auth() instanceof JiraAuth.ConnectApp;
    }

    static JsonNode badge(long count) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return json.objectNode().put("type", "badge").set("value", json.objectNode().put("label", Long.toString(count)));
    }

    /** The properties a new ticket with one linked object carries: its badge, where the site has the glance. */
    public Map<String, JsonNode> forNewTicket(JiraSite site) {
        return hasGlance(site) ? Map.of(propertyKey, badge(1)) : Map.of();
    }

    /**
     * In the transaction that links a ticket just filed with {@link #forNewTicket}: its badge is right already, so
     * linking it queues no refresh.
     */
    public void filedWith(String clientKey, String issueId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> filed = (Set<String>) TransactionSynchronizationManager.getResource(FILED_WITH_BADGE);
        if (filed == null) {
            Set<String> created = new HashSet<>();
            TransactionSynchronizationManager.bindResource(FILED_WITH_BADGE, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(FILED_WITH_BADGE);
                }
            });
            filed = created;
        }
        filed.add(clientKey + ' ' + issueId);
    }

    boolean isFiledWithBadge(IssueLinksChanged change) {
        Object filed = TransactionSynchronizationManager.getResource(FILED_WITH_BADGE);
        return filed instanceof Set<?> set && set.contains(change.clientKey() + ' ' + change.issueId());
    }
}
