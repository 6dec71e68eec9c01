package dev.ferry.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads one organization's audit records, newest first. */
@Component
class AuditRecords {

    private final JdbcClient jdbc;

    AuditRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AuditEntry> find(String organizationId, AuditFilter filter) {
        StringBuilder sql = new StringBuilder("""
                select id, occurred_at, actor, action, target, detail from audit_record
                where organization_id = :organizationId""");
        if (filter.action() != null) {
            sql.append(" and action = :action");
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= :from");
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < :to");
        }
        sql.append(" order by occurred_at desc, id desc offset :offset rows fetch first :limit rows only");
        var statement = jdbc.sql(sql.toString()).param("organizationId", organizationId).param("limit", filter.limit())
                .param("offset", filter.offset());
        if (filter.action() != null) {
            statement = statement.param("action", filter.action().name());
        }
        if (filter.from() != null) {
            statement = statement.param("from", OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            statement = statement.param("to", OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        return statement.query((rs, row) -> new AuditEntry(rs.getLong("id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("target"), rs.getString("detail"))).list();
    }
}
