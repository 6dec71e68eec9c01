package dev.ferry.callback;

import dev.ferry.crypto.Sealed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The callback endpoints table; every read is within one organization. */
@Component
class CallbackEndpoints {

    private static final String COLUMNS = """
            id, organization_id, url, events, description, enabled, secret_key_id, secret_ciphertext, created_at,
            updated_at""";

    private final JdbcClient jdbc;

    CallbackEndpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CallbackEndpoint endpoint) {
        jdbc.sql("insert into callback_endpoint (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(endpoint.id(), endpoint.organizationId(), endpoint.url(), names(endpoint.events()),
                        endpoint.description(), endpoint.enabled(), endpoint.secret().keyId(),
                        endpoint.secret().ciphertext(), Timestamp.from(endpoint.createdAt()),
                        Timestamp.from(endpoint.updatedAt()))
                .update();
    }

    void update(CallbackEndpoint endpoint) {
        jdbc.sql("""
                update callback_endpoint set url = ?, events = ?, description = ?, enabled = ?, secret_key_id = ?,
                    secret_ciphertext = ?, updated_at = ? where id = ? and organization_id = ?""")
                .params(endpoint.url(), names(endpoint.events()), endpoint.description(), endpoint.enabled(),
                        endpoint.secret().keyId(), endpoint.secret().ciphertext(), Timestamp.from(endpoint.updatedAt()),
                        endpoint.id(), endpoint.organizationId())
                .update();
    }

    boolean delete(String organizationId, String id) {
        return jdbc.sql("delete from callback_endpoint where id = ? and organization_id = ?").params(id, organizationId)
                .update() == 1;
    }

    Optional<CallbackEndpoint> find(String organizationId, String id) {
        return jdbc.sql("select " + COLUMNS + " from callback_endpoint where id = ? and organization_id = ?")
                .params(id, organizationId).query(CallbackEndpoints::row).optional();
    }

    /** For the worker, which works across organizations. */
    Optional<CallbackEndpoint> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from callback_endpoint where id = ?").params(id)
                .query(CallbackEndpoints::row).optional();
    }

    List<CallbackEndpoint> list(String organizationId) {
        return jdbc.sql("select " + COLUMNS + " from callback_endpoint where organization_id = ? order by created_at, id")
                .param(organizationId).query(CallbackEndpoints::row).list();
    }

    private static String names(Set<CallbackEvent> events) {
        return events.stream().sorted().map(event -> event.type).collect(Collectors.joining(","));
    }

    private static CallbackEndpoint row(ResultSet rs, int row) throws SQLException {
        Set<CallbackEvent> events = EnumSet.noneOf(CallbackEvent.class);
        Arrays.stream(rs.getString("events").split(",")).map(CallbackEvent::named)
                .forEach(named -> named.ifPresent(events::add));
        return new CallbackEndpoint(rs.getString("id"), rs.getString("organization_id"), rs.getString("url"), events,
                rs.getString("description"), rs.getBoolean("enabled"),
                new Sealed(rs.getString("secret_key_id"), rs.getString("secret_ciphertext")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
