package dev.ferry.auditrecord;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Reads a filter's records after a position, in position order, one short query per chunk (autocommit, no
 * transaction held between chunks). Without a collector the query walks {@code (organization_id, position)},
 * with one {@code (collector_id, position)}; a created range and a category are checked on the rows walked.
 */
@Component
class AuditRecordReader {

    /** What an export line and a stream event need: the stored body is passed on untouched. */
    record Line(long position, String collectorId, long recordId, String body) {
    }

    private static final RowMapper<Line> LINE = (rs, row) -> new Line(rs.getLong("position"),
            rs.getString("collector_id"), rs.getLong("record_id"), rs.getString("body"));

    private final JdbcTemplate jdbc;

    AuditRecordReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredRecord> records(AuditRecordFilter filter, long after, int limit) {
        return query("*", filter, after, limit, StoredRecord::read);
    }

    List<Line> lines(AuditRecordFilter filter, long after, int limit) {
        return query("position, collector_id, record_id, body", filter, after, limit, LINE);
    }

    private <T> List<T> query(String columns, AuditRecordFilter filter, long after, int limit, RowMapper<T> rows) {
        StringBuilder sql = new StringBuilder("select ").append(columns).append(" from jira_audit_record where ");
        List<Object> args = new ArrayList<>();
        if (filter.collectorId() != null) {
            sql.append("collector_id = ? and ");
            args.add(filter.collectorId());
        }
        sql.append("organization_id = ? and position > ?");
        args.add(filter.organizationId());
        args.add(after);
        if (filter.from() != null) {
            sql.append(" and created_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and created_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        if (filter.category() != null) {
            sql.append(" and lower(category) = ?");
            args.add(filter.category().toLowerCase(Locale.ROOT));
        }
        sql.append(" order by position limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), rows, args.toArray());
    }
}
