package dev.ferry.testticket;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.destination.Destination;
import dev.ferry.destination.Destinations;
import dev.ferry.destination.Rule;
import dev.ferry.event.EventCatalog;
import dev.ferry.event.EventTypeDefinition;
import dev.ferry.event.SampleVariables;
import dev.ferry.jira.CreatedIssue;
import dev.ferry.jira.IssueDraft;
import dev.ferry.jira.JiraClient;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraRefusals;
import dev.ferry.jira.JiraSite;
import dev.ferry.link.IssueUrls;
import dev.ferry.principal.Caller;
import dev.ferry.refusal.Refusal;
import dev.ferry.site.SiteDirectory;
import dev.ferry.template.EventFacts;
import dev.ferry.template.InvalidTemplateException;
import dev.ferry.template.TicketTemplates;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's "send test ticket": the destination's rule for an event type, rendered with sample variables
 * through the same templates as real tickets, filed straight away ({@code [TEST]} summary, label
 * {@value #LABEL}), and deleted again on request. No outbox, no dedup, no ticket link: it is not a delivery.
 */
@Service
class TestTickets {

    static final String LABEL = "ferry-test";
    static final String PREFIX = "[TEST] ";

    private final Destinations destinations;
    private final EventCatalog catalog;
    private final SiteDirectory sites;
    private final JiraClient jira;
    private final TicketTemplates templates;
    private final TestTicketRecords records;
    private final AuditLog audit;
    private final Clock clock;

    TestTickets(Destinations destinations, EventCatalog catalog, SiteDirectory sites, JiraClient jira,
            TicketTemplates templates, TestTicketRecords records, AuditLog audit, Clock clock) {
        this.destinations = destinations;
        this.catalog = catalog;
        this.sites = sites;
        this.jira = jira;
        this.templates = templates;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /** The ticket Jira filed: its key and where a person opens it. */
    record Sent(String issueKey, String issueUrl, String summary) {
    }

    /** The sample variables the test ticket dialog starts from for {@code eventType}. */
    Map<String, String> samples(Caller caller, String eventType) {
        return SampleVariables.of(eventType(caller, eventType).variableNames(), clock.instant());
    }

    /** {@code variables} null: the sample ones; given ones replace samples of the same name. */
    @Transactional
    Sent send(Caller caller, String destinationId, String eventType, Map<String, String> variables) {
        Destination destination = destinations.find(caller, destinationId);
        EventTypeDefinition type = eventType(caller, eventType);
        Rule rule = destination.rule(type.type())
                .orElseThrow(() -> Refusal.invalid("the destination has no rule for " + type.type()));
        Instant now = clock.instant();
        Map<String, String> values = new LinkedHashMap<>(SampleVariables.of(type.variableNames(), now));
        if (variables != null) {
            variables.forEach((name, value) -> values.put(name, value == null ? "" : value));
        }
        JiraSite site = site(destination);
        IssueDraft draft;
        try {
            draft = draft(destination, type.type(), rule, values, now);
        } catch (InvalidTemplateException refused) {
            throw Refusal.invalid("the rule's template was refused: " + refused.getMessage());
        }
        CreatedIssue created;
        try {
            created = jira.createIssue(site, draft);
        } catch (JiraException e) {
            throw JiraRefusals.refused(e, "the test ticket");
        }
        records.sent(destination, created.id(), created.key(), type.type(), draft.summary(), caller.actor(), now);
        audit.record(caller.organizationId(), caller.actor(), AuditAction.TEST_TICKET_SENT, created.key(),
                "destination " + destination.id() + " (" + destination.projectKey() + ") / " + type.type());
        return new Sent(created.key(), browseUrl(site, created.key()), draft.summary());
    }

    /** A test ticket this destination sent that is not deleted yet, as it was sent. */
    Optional<Sent> sent(Caller caller, String destinationId, String issueKey) {
        Destination destination = destinations.find(caller, destinationId);
        return records.find(caller.organizationId(), destination.id(), issueKey).flatMap(ticket -> sites
                .callable(ticket.clientKey())
                .map(site -> new Sent(ticket.issueKey(), browseUrl(site, ticket.issueKey()), ticket.summary())));
    }

    /** Deletes a test ticket this destination sent; any other issue key is refused without asking Jira. */
    @Transactional
    void delete(Caller caller, String destinationId, String issueKey) {
        Destination destination = destinations.find(caller, destinationId);
        TestTicketRecords.TestTicket ticket = records.find(caller.organizationId(), destination.id(), issueKey)
                .orElseThrow(() -> Refusal.notFound("no test ticket " + issueKey + " was sent from this destination"));
        try {
            jira.deleteIssue(site(destination), ticket.issueId());
        } catch (JiraException e) {
            // Already gone (deleted in Jira, or a retried delete that had worked): the wish is fulfilled.
            if (e.kind() != JiraException.Kind.NOT_FOUND) {
                throw JiraRefusals.refused(e, "to delete " + issueKey);
            }
        }
        records.deleted(ticket, clock.instant());
        audit.record(caller.organizationId(), caller.actor(), AuditAction.TEST_TICKET_DELETED, ticket.issueKey(),
                "destination " + destination.id() + " (" + destination.projectKey() + ")");
    }

    private EventTypeDefinition eventType(Caller caller, String eventType) {
        String wanted = eventType == null || eventType.isBlank() ? SampleVariables.DEFAULT_EVENT_TYPE : eventType;
        return catalog.find(caller.organizationId(), wanted).orElseThrow(() -> Refusal
                .invalid("unknown event type " + wanted + "; the organization's catalog does not have it"));
    }

    private JiraSite site(Destination destination) {
        return sites.callable(destination.clientKey())
                .orElseThrow(() -> Refusal.conflict("Ferry is not installed on the site " + destination.clientKey()));
    }

    private IssueDraft draft(Destination destination, String eventType, Rule rule, Map<String, String> values,
            Instant now) {
        String summary = templates.summary(PREFIX + rule.summaryTemplate(), values);
        EventFacts facts = new EventFacts(eventType, "Test ticket from Ferry", values.get("resultsUrl"), values, now);
        Set<String> labels = new LinkedHashSet<>(rule.labelList());
        labels.add(LABEL);
        return new IssueDraft(destination.projectKey(), rule.issueTypeId(),
                rule.issueTypeId() == null ? rule.issueType() : null, summary,
                templates.description(rule.descriptionFormat(), rule.descriptionTemplate(), facts), rule.priority(),
                List.copyOf(labels), Map.of());
    }

    private static String browseUrl(JiraSite site, String issueKey) {
        return IssueUrls.browse(site.baseUrl().toString(), issueKey);
    }
}
