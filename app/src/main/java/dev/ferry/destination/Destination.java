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
    private final String projectKey;
    private DestinationState state;
    private String stateReason;
    private final Instant createdAt;
    private Instant updatedAt;
    @MappedCollection(idColumn = "destination_id", keyColumn = "event_type")
    private final Map<String, Rule> rules;

    @PersistenceCreator
    Destination(String id, Long version, String organizationId, String clientKey, String projectKey,
            DestinationState state, String stateReason, Instant createdAt, Instant updatedAt, Map<String, Rule> rules) {
        this.id = id;
        this.version = version;
        this.organizationId = organizationId;
        this.clientKey = clientKey;
        this.projectKey = projectKey;
        this.state = state;
        this.stateReason = stateReason;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.rules = new HashMap<>(rules);
    }

    /** A destination whose rules start from the catalog, issue types mapped by name to the project's. */
    static Destination create(String organizationId, String clientKey, String projectKey,
            List<EventTypeDefinition> catalog, List<IssueType> issueTypes, Instant now) {
        Map<String, Rule> rules = new HashMap<>();
        catalog.forEach(type -> rules.put(type.type(),
                Rule.from(RuleSettings.fromCatalog(type), idOf(type.issueType(), issueTypes), 0, now)));
        Destination destination = new Destination(UUID.randomUUID().toString(), null, organizationId, clientKey,
                projectKey, DestinationState.ACTIVE, null, now, now, rules);
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
        state = DestinationState.REPAIR;
        stateReason = reason;
        updatedAt = now;
    }

    /** Jira refused an issue type: stop until the project's issue types are fetched again. */
    public void needsIssueTypes(String reason, Instant now) {
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
