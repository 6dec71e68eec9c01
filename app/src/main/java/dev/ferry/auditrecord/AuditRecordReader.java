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
 * with one {@code (collector_id, position)}; a created range first narrows the walk to the positions it spans
 * (one read of the created index), and the range and a category are checked on the rows walked.
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
        long[] span = span(filter);
        if (span != null && span.length == 0) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select ").append(columns).append(" from jira_audit_record where ");
        List<Object> args = new ArrayList<>();
        String walked = "organization_id";
        if (filter.collectorId() != null) {
            sql.append("collector_id = ? and ");
            args.add(filter.collectorId());
            walked = "collector_id";
        }
        sql.append("organization_id = ? and position > ?");
        args.add(filter.organizationId());
        args.add(span == null ? after : Math.max(after, span[0] - 1));
        if (span != null) {
            // coalesce(..) keeps the planner off the created index: the walk follows positions within the span
            sql.append(" and position <= ?");
            args.add(span[1]);
        }
        if (filter.from() != null) {
            sql.append(" and coalesce(created_at, created_at) >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and coalesce(created_at, created_at) < ?");
            args.add(Timestamp.from(filter.to()));
        }
        if (filter.category() != null) {
            sql.append(" and lower(category) = ?");
            args.add(filter.category().toLowerCase(Locale.ROOT));
        }
        // Ordered by the index's own columns: H2 then reads the index in order and stops at the limit, where
        // "order by position" alone made it read every row after the position and sort them, chunk after chunk.
        sql.append(" order by ").append(walked).append(", position limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), rows, args.toArray());
    }

    /**
     * The first and last position of the records created in the filter's range, read along the
     * {@code (organization_id, created_at, position)} index; null without a range, empty when it holds none.
     */
    private long[] span(AuditRecordFilter filter) {
        if (filter.from() == null && filter.to() == null) {
            return null;
        }
        StringBuilder sql = new StringBuilder("select min(position) as first, max(position) as last"
                + " from jira_audit_record where organization_id = ?");
        List<Object> args = new ArrayList<>(List.of(filter.organizationId()));
        if (filter.from() != null) {
            sql.append(" and created_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and created_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        return jdbc.queryForObject(sql.toString(), (rs, row) -> {
            long first = rs.getLong("first");
            return rs.wasNull() ? new long[0] : new long[] {first, rs.getLong("last")};
        }, args.toArray());
    }
}
