package dev.ferry.event;

import dev.ferry.admin.OrganizationCreated;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An organization's event types: seeded from a preset when it is created, extended through the API. */
@Component
public class EventCatalog {

    private static final String COLUMNS = "type, variables, enabled, issue_type, priority, summary_template, labels";

    private final JdbcClient jdbc;

    EventCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        return jdbc.sql("select " + COLUMNS + " from event_type where organization_id = ? and type = ?")
                .params(organizationId, type).query(EventCatalog::definition).optional();
    }

    void save(String organizationId, EventTypeDefinition type) {
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

    private static EventTypeDefinition definition(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new EventTypeDefinition(rs.getString("type"), split(rs.getString("variables")), rs.getBoolean("enabled"),
                rs.getString("issue_type"), rs.getString("priority"), rs.getString("summary_template"),
                split(rs.getString("labels")));
    }

    public static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of() : Arrays.stream(list.split(",")).map(String::trim).toList();
    }
}
