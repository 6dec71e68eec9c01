package dev.ferry.event;

import dev.ferry.admin.OrganizationCreated;
import dev.ferry.persistence.KeptLookups;
import dev.ferry.persistence.LookupCacheProperties;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An organization's event types: seeded from a preset when it is created, extended through the API. Every posted
 * event looks its type up, so a type is kept for the lookup cache's time to live ({@code ferry.lookup-cache.ttl}):
 * a type saved on this node is seen at once, one saved through another node within that time.
 */
@Component
public class EventCatalog {

    private static final String COLUMNS = "type, variables, enabled, issue_type, priority, summary_template, labels";

    private final JdbcClient jdbc;
    private final KeptLookups<EventTypeDefinition> kept;

    EventCatalog(JdbcClient jdbc, LookupCacheProperties cache, Clock clock) {
        this.jdbc = jdbc;
        this.kept = new KeptLookups<>(cache::ttl, clock);
    }

    @EventListener
    void seed(OrganizationCreated created) {
        CatalogPresets.of(created.preset()).forEach(type -> save(created.organizationId(), type));
    }

    public List<EventTypeDefinition> list(String organizationId) {
        return jdbc.sql("select " + COLUMNS + " from event_type where organization_id = ? order by type")
                .param(organizationId).query(EventCatalog::definition).list();
    }

    public Optional<EventTypeDefinition> find(String organizationId, String type) {
        return kept.get(key(organizationId, type), ignored -> read(organizationId, type));
    }

    private Optional<EventTypeDefinition> read(String organizationId, String type) {
        return jdbc.sql("select " + COLUMNS + " from event_type where organization_id = ? and type = ?")
                .params(organizationId, type).query(EventCatalog::definition).optional();
    }

    void save(String organizationId, EventTypeDefinition type) {
        kept.forgetWhenCommitted(key(organizationId, type.type()));
        int updated = jdbc.sql("""
                update event_type set variables = ?, enabled = ?, issue_type = ?, priority = ?, summary_template = ?,
                    labels = ? where organization_id = ? and type = ?""")
                .params(String.join(",", type.variables()), type.enabled(), type.issueType(), type.priority(),
                        type.summaryTemplate(), String.join(",", type.labels()), organizationId, type.type())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into event_type (organization_id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(organizationId, type.type(), String.join(",", type.variables()), type.enabled(),
                            type.issueType(), type.priority(), type.summaryTemplate(), String.join(",", type.labels()))
                    .update();
        }
    }

    private static String key(String organizationId, String type) {
        return organizationId + '\u001f' + type;
    }

    private static EventTypeDefinition definition(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new EventTypeDefinition(rs.getString("type"), split(rs.getString("variables")), rs.getBoolean("enabled"),
                rs.getString("issue_type"), rs.getString("priority"), rs.getString("summary_template"),
                split(rs.getString("labels")));
    }

    public static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of() : Arrays.stream(list.split(",")).map(String::trim).toList();
    }
}
