package dev.ferry.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored product events. */
@Component
public class ProductEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> VARIABLES = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, organization_id, type, subject_type, subject_id, subject_title, subject_url, variables, occurred_at,
            received_at, idempotency_key""";

    /** The size of {@code product_event.variables} (migration V13): the variables as JSON must fit in it. */
    static final int VARIABLES_COLUMN_CHARS = 2_000_000;

    private final JdbcClient jdbc;

    ProductEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The variables as they are stored. */
    static String variablesJson(Map<String, String> variables) {
        return JSON.writeValueAsString(variables);
    }

    public void insert(ProductEvent event) {
        jdbc.sql("insert into product_event (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(event.id(), event.organizationId(), event.type(), event.subject().type(), event.subject().id(),
                        event.subject().title(), event.subject().url(), variablesJson(event.variables()),
                        Timestamp.from(event.occurredAt()), Timestamp.from(event.receivedAt()), event.idempotencyKey())
                .update();
    }

    public Optional<ProductEvent> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from product_event where id = ?").param(id)
                .query(ProductEvents::event).optional();
    }

    /** The events of these ids that exist, in one query (a worker's claimed batch). */
    public List<ProductEvent> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from product_event where id in (:ids)").param("ids", ids)
                .query(ProductEvents::event).list();
    }

    public Optional<ProductEvent> find(String organizationId, String id) {
        return find(id).filter(event -> event.organizationId().equals(organizationId));
    }

    public Optional<ProductEvent> findByIdempotencyKey(String organizationId, String idempotencyKey) {
        return jdbc.sql("select " + COLUMNS + " from product_event where organization_id = ? and idempotency_key = ?")
                .params(organizationId, idempotencyKey).query(ProductEvents::event).optional();
    }

    /** The newest event the product reported about the object, by when it happened. */
    public Optional<ProductEvent> latestAbout(String organizationId, String subjectType, String subjectId) {
        return jdbc.sql("select " + COLUMNS + """
                 from product_event where organization_id = ? and subject_type = ? and subject_id = ?
                order by occurred_at desc, received_at desc limit 1""")
                .params(organizationId, subjectType, subjectId).query(ProductEvents::event).optional();
    }

    private static ProductEvent event(ResultSet rs, int row) throws SQLException {
        Map<String, String> variables = JSON.readValue(rs.getString("variables"), VARIABLES);
        return new ProductEvent(rs.getString("id"), rs.getString("organization_id"), rs.getString("type"),
                new ProductEvent.Subject(rs.getString("subject_type"), rs.getString("subject_id"),
                        rs.getString("subject_title"), rs.getString("subject_url")),
                variables, rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
                rs.getString("idempotency_key"));
    }
}
