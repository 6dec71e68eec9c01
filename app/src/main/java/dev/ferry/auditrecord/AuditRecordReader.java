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
 * (one read of the created index, once per walk: it reads every entry of the range, so an export or a stream that
 * asked it per chunk read the range once per chunk), and the range and a category are checked on the rows walked.
 */
@Component
class AuditRecordReader {

    /** What an export line and a stream event need: the stored body is passed on untouched. */
    record Line(long position, String collectorId, long recordId, String body) {
    }

    /**
     * The positions a walk visits: after {@code first - 1}, up to {@code last}. A record stored later has a higher
     * position, so a follow keeps only the lower bound ({@link #following}); pruning only raises the true one.
     */
    record Span(long first, long last) {

        static final Span ALL = new Span(1, Long.MAX_VALUE);

        boolean empty() {
            return first > last;
        }

        private Span following() {
            return empty() ? ALL : new Span(first, Long.MAX_VALUE);
        }
    }

    private static final RowMapper<Line> LINE = (rs, row) -> new Line(rs.getLong("position"),
            rs.getString("collector_id"), rs.getLong("record_id"), rs.getString("body"));

    private final JdbcTemplate jdbc;

    AuditRecordReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One page: the span read for it alone. */
    List<StoredRecord> records(AuditRecordFilter filter, long after, int limit) {
        return records(filter, span(filter), after, limit);
    }

    List<StoredRecord> records(AuditRecordFilter filter, Span span, long after, int limit) {
        return query("*", filter, span, after, limit, StoredRecord::read);
    }

    /** A chunk of a walk; {@code span} is the walk's, read once with {@link #span}. */
    List<Line> lines(AuditRecordFilter filter, Span span, long after, int limit) {
        return query("position, collector_id, record_id, body", filter, span, after, limit, LINE);
    }

    private <T> List<T> query(String columns, AuditRecordFilter filter, Span span, long after, int limit,
            RowMapper<T> rows) {
        if (span.empty()) {
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
        args.add(Math.max(after, span.first() - 1));
        if (span.last() != Long.MAX_VALUE) {
            sql.append(" and position <= ?");
            args.add(span.last());
        }
        // coalesce(..) keeps the planner off the created index: the walk follows positions within the span
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
     * The span for the next read of a walk that goes on as records are stored (a follow, a long poll). Open at the
     * end, the range's lower bound is read once; a range with an end is read again each time, as a record Jira
     * indexed late may land in it at a position past the span last read.
     */
    Span following(AuditRecordFilter filter, Span known) {
        if (filter.to() != null) {
            return span(filter);
        }
        return known != null ? known : span(filter).following();
    }

    /**
     * The first and last position of the records created in the filter's range, read along the
     * {@code (organization_id, created_at, position)} index; every position without a range.
     */
    Span span(AuditRecordFilter filter) {
        if (filter.from() == null && filter.to() == null) {
            return Span.ALL;
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
            return rs.wasNull() ? new Span(1, 0) : new Span(first, rs.getLong("last"));
        }, args.toArray());
    }
}
