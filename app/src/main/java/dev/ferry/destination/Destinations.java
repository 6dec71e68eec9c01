package dev.ferry.destination;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.event.EventCatalog;
import dev.ferry.jira.IssueType;
import dev.ferry.jira.JiraClient;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraProject;
import dev.ferry.jira.JiraRefusals;
import dev.ferry.jira.JiraSite;
import dev.ferry.principal.Caller;
import dev.ferry.refusal.Refusal;
import dev.ferry.site.SiteDirectory;
import dev.ferry.sitelink.SiteLinks;
import dev.ferry.template.TicketTemplates;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, moving and deleting destinations, editing their rules and re-mapping issue types: each checked
 * against Jira first.
 */
@Service
public class Destinations {

    private final DestinationRepository destinations;
    private final EventCatalog catalog;
    private final SiteLinks siteLinks;
    private final SiteDirectory sites;
    private final JiraClient jira;
    private final TicketTemplates templates;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Destinations(DestinationRepository destinations, EventCatalog catalog, SiteLinks siteLinks, SiteDirectory sites,
            JiraClient jira, TicketTemplates templates, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.destinations = destinations;
        this.catalog = catalog;
        this.siteLinks = siteLinks;
        this.sites = sites;
        this.jira = jira;
        this.templates = templates;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Destination create(Caller caller, String clientKey, String projectKey) {
        requireLinked(caller, clientKey);
        requireProjectKey(projectKey);
        if (destinations.existsByOrganizationIdAndClientKeyAndProjectKeyAndDeletedAtIsNull(caller.organizationId(),
                clientKey, projectKey)) {
            throw duplicate(projectKey);
        }
        List<IssueType> issueTypes = issueTypes(clientKey, projectKey);
        try {
            return destinations.save(Destination.create(caller.organizationId(), clientKey, projectKey,
                    catalog.list(caller.organizationId()), issueTypes, clock.instant()));
        } catch (DuplicateKeyException raced) {
            throw duplicate(projectKey);
        }
    }

    /** The projects of a linked site the app may file in, as Jira lists them now. */
    List<JiraProject> projects(Caller caller, String clientKey) {
        requireLinked(caller, clientKey);
        JiraSite site = sites.callable(clientKey)
                .orElseThrow(() -> Refusal.conflict("Ferry is not installed on the site " + clientKey));
        try {
            return jira.projects(site);
        } catch (JiraException e) {
            throw JiraRefusals.refused(e, "to list the site's projects");
        }
    }

    private void requireLinked(Caller caller, String clientKey) {
        if (clientKey == null || !siteLinks.organizationOf(clientKey).map(caller.organizationId()::equals).orElse(false)) {
            throw Refusal.notFound("no site " + clientKey + " is linked to this organization");
        }
    }

    /** Nothing is filed on a site the organization disconnected, not even a test ticket. */
    public void requireSiteLinked(Caller caller, Destination destination) {
        if (!siteLinks.organizationOf(destination.clientKey()).map(caller.organizationId()::equals).orElse(false)) {
            throw Refusal.conflict("site not linked: the site " + destination.clientKey()
                    + " is not linked to this organization; link it again first");
        }
    }

    private static void requireProjectKey(String projectKey) {
        if (projectKey == null || !projectKey.matches("[A-Z][A-Z0-9_]{0,63}")) {
            throw Refusal.invalid("projectKey must be a Jira project key (upper case letters, digits, '_')");
        }
    }

    private static Refusal duplicate(String projectKey) {
        return Refusal.conflict("the organization already has a destination for " + projectKey + " on this site");
    }

    /** A deleted destination is not found, like another organization's. */
    public Destination find(Caller caller, String id) {
        return destinations.findByIdAndOrganizationIdAndDeletedAtIsNull(id, caller.organizationId())
                .orElseThrow(() -> Refusal.notFound("no destination " + id));
    }

    public List<Destination> list(Caller caller) {
        return destinations.findByOrganizationIdAndDeletedAtIsNullOrderByCreatedAt(caller.organizationId());
    }

    /** The clientKeys of the sites linked to the caller's organization: a destination elsewhere takes nothing. */
    Set<String> linkedSites(Caller caller) {
        return siteLinks.linkedTo(caller.organizationId());
    }

    /**
     * Moves the destination to another project of its site (the repair for a project moved or archived in
     * Jira), checked against Jira like a new one; its rules' issue types are mapped again by name, and a
     * destination that was parked resumes, its waiting deliveries filed in the new project.
     */
    @Transactional
    Destination changeProject(Caller caller, String id, String projectKey) {
        Destination destination = find(caller, id);
        requireProjectKey(projectKey);
        String before = destination.projectKey();
        if (before.equals(projectKey)) {
            throw Refusal.invalid("the destination files in " + projectKey + " already");
        }
        requireSiteLinked(caller, destination);
        if (destinations.existsByOrganizationIdAndClientKeyAndProjectKeyAndDeletedAtIsNull(caller.organizationId(),
                destination.clientKey(), projectKey)) {
            throw duplicate(projectKey);
        }
        destination.moveTo(projectKey, issueTypes(destination.clientKey(), projectKey), clock.instant());
        Destination saved = save(destination, projectKey);
        audit.record(caller.organizationId(), caller.actor(), AuditAction.DESTINATION_UPDATED, "destination " + id,
                "project " + before + " -> " + projectKey + " on " + destination.clientKey());
        if (saved.isActive()) {
            events.publishEvent(new DestinationActive(id));
        }
        return saved;
    }

    /** Soft: its ticket links and deliveries stay readable; its open deliveries end ({@link DestinationDeleted}). */
    @Transactional
    void delete(Caller caller, String id) {
        Destination destination = find(caller, id);
        destination.delete(clock.instant());
        destinations.save(destination);
        audit.record(caller.organizationId(), caller.actor(), AuditAction.DESTINATION_DELETED, "destination " + id,
                destination.projectKey() + " on " + destination.clientKey());
        events.publishEvent(new DestinationDeleted(id));
    }

    private Destination save(Destination destination, String projectKey) {
        try {
            return destinations.save(destination);
        } catch (DuplicateKeyException | DbActionExecutionException raced) {
            throw duplicate(projectKey);
        }
    }

    /** Changes one rule; a destination parked for repair takes tickets again, and its parked deliveries go out. */
    @Transactional
    Destination updateRule(Caller caller, String id, String eventType, RuleSettings settings) {
        Destination destination = find(caller, id);
        if (catalog.find(caller.organizationId(), eventType).isEmpty()) {
            throw Refusal.invalid("unknown event type " + eventType);
        }
        RuleCheck.check(settings, templates);
        List<IssueType> issueTypes = issueTypes(destination.clientKey(), destination.projectKey());
        requireIssueType(settings.issueType(), destination.projectKey(), issueTypes);
        RuleSettings before = destination.rule(eventType).map(Rule::settings).orElse(null);
        destination.updateRule(eventType, settings, issueTypes, clock.instant());
        Destination saved = destinations.save(destination);
        audit.record(caller.organizationId(), caller.actor(), AuditAction.TEMPLATES_UPDATED,
                "destination " + id + " / " + eventType, RuleChanges.between(before, settings));
        if (saved.isActive()) {
            events.publishEvent(new DestinationActive(id));
        }
        return saved;
    }

    /** A rule naming an issue type the project lacks would park the whole destination at its first ticket. */
    private static void requireIssueType(String name, String projectKey, List<IssueType> issueTypes) {
        if (issueTypes.stream().noneMatch(type -> type.name().equalsIgnoreCase(name))) {
            throw Refusal.invalid("the project " + projectKey + " has no issue type named \"" + name
                    + "\"; its issue types are " + String.join(", ", issueTypes.stream().map(IssueType::name).toList()));
        }
    }

    /** Fetches the project's issue types again and re-maps every rule by name. */
    @Transactional
    Destination refreshIssueTypes(Caller caller, String id) {
        Destination destination = find(caller, id);
        var before = IssueTypeRefreshes.idsOf(destination);
        String stateBefore = destination.state().name();
        destination.remap(issueTypes(destination.clientKey(), destination.projectKey()), clock.instant());
        Destination saved = destinations.save(destination);
        audit.record(caller.organizationId(), caller.actor(), AuditAction.ISSUE_TYPES_REFRESHED, "destination " + id,
                destination.projectKey() + " on " + destination.clientKey() + ": "
                        + IssueTypeRefreshes.between(before, stateBefore, saved));
        if (saved.isActive()) {
            events.publishEvent(new DestinationActive(id));
        }
        return saved;
    }

    List<IssueType> issueTypes(String clientKey, String projectKey) {
        JiraSite site = sites.callable(clientKey)
                .orElseThrow(() -> Refusal.conflict("Ferry is not installed on the site " + clientKey));
        try {
            return jira.issueTypes(site, projectKey).stream().filter(type -> !type.subtask()).toList();
        } catch (JiraException e) {
            throw JiraRefusals.problem(e, Refusal.invalid("Jira has no project " + projectKey
                    + " the app can see: " + e.jiraMessage()), "to list the project's issue types");
        }
    }
}
