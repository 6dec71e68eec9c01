package dev.ferry.destination;

import dev.ferry.event.EventTypeDefinition;
import dev.ferry.jira.IssueType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** One linked site and one project that an organization's tickets are filed in, with a rule per event type. */
@Table("destination")
public class Destination {

    @Id
    private final String id;
    @Version
    private Long version;
    private final String organizationId;
    private final String clientKey;
    private String projectKey;
    private DestinationState state;
    private String stateReason;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant deletedAt;
    /** True, or null once deleted: see the V15 migration, which keeps only live destinations unique. */
    private Boolean live;
    @MappedCollection(idColumn = "destination_id", keyColumn = "event_type")
    private final Map<String, Rule> rules;

    @PersistenceCreator
    Destination(String id, Long version, String organizationId, String clientKey, String projectKey,
            DestinationState state, String stateReason, Instant createdAt, Instant updatedAt, Instant deletedAt,
            Boolean live, Map<String, Rule> rules) {
        this.id = id;
        this.version = version;
        this.organizationId = organizationId;
        this.clientKey = clientKey;
        this.projectKey = projectKey;
        this.state = state;
        this.stateReason = stateReason;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.deletedAt = deletedAt;
        this.live = live;
        this.rules = new HashMap<>(rules);
    }

    /** A destination whose rules start from the catalog, issue types mapped by name to the project's. */
    static Destination create(String organizationId, String clientKey, String projectKey,
            List<EventTypeDefinition> catalog, List<IssueType> issueTypes, Instant now) {
        Map<String, Rule> rules = new HashMap<>();
        catalog.forEach(type -> rules.put(type.type(),
                Rule.from(RuleSettings.fromCatalog(type), idOf(type.issueType(), issueTypes), 0, now)));
        Destination destination = new Destination(UUID.randomUUID().toString(), null, organizationId, clientKey,
                projectKey, DestinationState.ACTIVE, null, now, now, null, true, rules);
        destination.checkIssueTypes(now);
        return destination;
    }

    /** A person changed a rule: that is the repair, so a disabled destination takes tickets again. */
    void updateRule(String eventType, RuleSettings settings, List<IssueType> issueTypes, Instant now) {
        long version = rule(eventType).map(rule -> rule.version() + 1).orElse(0L);
        rules.put(eventType, Rule.from(settings, idOf(settings.issueType(), issueTypes), version, now));
        state = DestinationState.ACTIVE;
        stateReason = null;
        updatedAt = now;
        checkIssueTypes(now);
    }

    /** Jira said 403 or 404: stop filing here until someone repairs it. */
    public void needsRepair(String reason, Instant now) {
        if (isDeleted()) {
            return;
        }
        state = DestinationState.REPAIR;
        stateReason = reason;
        updatedAt = now;
    }

    /** Jira refused an issue type: stop until the project's issue types are fetched again. */
    public void needsIssueTypes(String reason, Instant now) {
        if (isDeleted()) {
            return;
        }
        state = DestinationState.REFRESH_ISSUE_TYPES;
        stateReason = reason;
        updatedAt = now;
    }

    /** Re-maps every rule's issue type by name to the project's current ones; resumes when all enabled rules map. */
    void remap(List<IssueType> issueTypes, Instant now) {
        rules.replaceAll((type, rule) -> rule.withIssueTypeId(idOf(rule.issueType(), issueTypes), now));
        state = DestinationState.ACTIVE;
        stateReason = null;
        updatedAt = now;
        checkIssueTypes(now);
    }

    /**
     * The documented repair for a project moved or archived in Jira: file in another project of the same
     * site from now on. Rules keep their settings; their issue types are mapped by name to the new project's.
     */
    void moveTo(String newProjectKey, List<IssueType> issueTypes, Instant now) {
        requireNotDeleted();
        projectKey = newProjectKey;
        remap(issueTypes, now);
    }

    /**
     * Soft: the row stays so its ticket links and delivery history still name it, but no list, event or
     * worker sees it again.
     */
    void delete(Instant now) {
        requireNotDeleted();
        state = DestinationState.DELETED;
        stateReason = null;
        deletedAt = now;
        updatedAt = now;
        live = null;
    }

    private void requireNotDeleted() {
        if (isDeleted()) {
            throw new IllegalStateException("destination " + id + " is deleted");
        }
    }

    /**
     * What the console and the API show: the stored state, or {@link DestinationState#SITE_NOT_LINKED} while
     * the site is not linked to the organization (linking it again brings the stored state back).
     */
    DestinationState shownState(boolean siteLinked) {
        return siteLinked || isDeleted() ? state : DestinationState.SITE_NOT_LINKED;
    }

    private void checkIssueTypes(Instant now) {
        rules.entrySet().stream().filter(rule -> rule.getValue().enabled() && rule.getValue().issueTypeId() == null)
                .findFirst().ifPresent(unmapped -> needsIssueTypes("the project " + projectKey
                        + " has no issue type named \"" + unmapped.getValue().issueType() + "\" (event "
                        + unmapped.getKey() + ")", now));
    }

    private static String idOf(String name, List<IssueType> issueTypes) {
        return issueTypes.stream().filter(type -> type.name().equalsIgnoreCase(name)).map(IssueType::id).findFirst()
                .orElse(null);
    }

    public Optional<Rule> rule(String eventType) {
        return Optional.ofNullable(rules.get(eventType));
    }

    public boolean isActive() {
        return state == DestinationState.ACTIVE;
    }

    public boolean isDeleted() {
        return state == DestinationState.DELETED;
    }

    public String id() {
        return id;
    }

    public String organizationId() {
        return organizationId;
    }

    public String clientKey() {
        return clientKey;
    }

    public String projectKey() {
        return projectKey;
    }

    public DestinationState state() {
        return state;
    }

    public String stateReason() {
        return stateReason;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Map<String, Rule> rules() {
        return Map.copyOf(rules);
    }
}
