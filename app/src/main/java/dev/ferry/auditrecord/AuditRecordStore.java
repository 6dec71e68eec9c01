package dev.ferry.auditrecord;

import dev.ferry.persistence.Columns;
import dev.ferry.persistence.Dialect;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each audit record once per collector, a page in one batch insert in the caller's transaction (a poll
 * commits it with its next offset). On PostgreSQL {@code on conflict do nothing} skips a record stored already
 * (its dealt position is then never used: positions may have gaps, never disorder); a lookup of the page's ids
 * there went to a sequential scan once its generic plan was made on a young table. H2 has no such clause outside
 * its PostgreSQL mode: there the page's ids are looked up first and only the new ones inserted. One poll per
 * collector runs at a time; the unique key still stops a stalled poller whose lease was taken over.
 *
 * <p>Positions are dealt from {@code jira_audit_position} in the same transaction. Its row stays locked until that
 * transaction ends, so two collectors' pages commit one after the other and positions become visible in the order
 * they were dealt: a reader that saw position p and asks for what follows misses nothing committed later.
 */
@Component
public class AuditRecordStore {

    private static final String INSERT = """
            insert into jira_audit_record (position, collector_id, organization_id, record_id, created_at, category, summary,
                                      author_account_id, remote_address, object_type, object_id, object_name,
                                      received_at, body)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    // Ordered by the index's own columns: H2 then walks the index in order and stops at the limit; "order by
    // position" alone made it read every row after the position and sort them, batch after batch of a backlog.
    static final String AFTER_OF_ORGANIZATION = "select * from jira_audit_record where organization_id = ?"
            + " and position > ? order by organization_id, position limit ?";
    static final String AFTER_OF_COLLECTOR = "select * from jira_audit_record where collector_id = ?"
            + " and organization_id = ? and position > ? order by collector_id, position limit ?";
    static final String STORED_IDS = "select record_id from jira_audit_record where record_id in (:ids)"
            + " and collector_id = :collector";
    private static final int IDS_PER_LOOKUP = 500;
    private static final Comparator<ReceivedRecord> OLDEST_FIRST = Comparator.comparing(ReceivedRecord::created)
            .thenComparingLong(ReceivedRecord::recordId);

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final boolean postgres;
    private final String insert;

    AuditRecordStore(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events, Dialect dialect) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
        this.events = events;
        this.postgres = dialect.postgres();
        this.insert = postgres ? INSERT + " on conflict (record_id, collector_id) do nothing" : INSERT;
    }

    /** Stores the records the collector has not stored yet, in the order given; returns how many were new. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int store(String organizationId, String collectorId, List<ReceivedRecord> records) {
        if (records.isEmpty()) {
            return 0;
        }
        Map<Long, ReceivedRecord> byId = new LinkedHashMap<>();
        records.forEach(record -> byId.putIfAbsent(record.recordId(), record));
        Set<Long> stored = postgres ? Set.of() : storedIds(collectorId, new ArrayList<>(byId.keySet()));
        // oldest first within the page: Jira answers newest first, a reader would rather follow time
        List<ReceivedRecord> fresh = byId.values().stream().filter(r -> !stored.contains(r.recordId()))
                .sorted(OLDEST_FIRST).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        long first = deal(fresh.size());
        Timestamp now = Timestamp.from(clock.instant());
        int[] counts = jdbc.batchUpdate(insert, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                bind(statement, first + i, organizationId, collectorId, fresh.get(i), now);
            }

            @Override
            public int getBatchSize() {
                return fresh.size();
            }
        });
        int added = 0;
        for (int count : counts) {
            // 0: stored already (PostgreSQL); 1, or the driver's "succeeded, count unknown" (-2): a new record
            added += count == 0 ? 0 : 1;
        }
        if (added > 0) {
            // Heard after the commit (a transactional listener): open follow streams look at once.
            events.publishEvent(new AuditRecordsStored(organizationId, collectorId, first + fresh.size() - 1));
        }
        return added;
    }

    /** The records after {@code position}, in position order: a collector's, or any of the organization's. */
    public List<StoredRecord> after(String organizationId, String collectorId, long position, int limit) {
        if (collectorId == null) {
            return jdbc.query(AFTER_OF_ORGANIZATION, StoredRecord::read, organizationId, position, limit);
        }
        return jdbc.query(AFTER_OF_COLLECTOR, StoredRecord::read, collectorId, organizationId, position, limit);
    }

    /** Takes {@code count} positions; the row stays locked to the end of the caller's transaction. */
    private long deal(int count) {
        jdbc.update("update jira_audit_position set next_position = next_position + ? where name = 'jira_audit_record'", count);
        Long next = jdbc.queryForObject("select next_position from jira_audit_position where name = 'jira_audit_record'",
                Long.class);
        return next - count;
    }

    private Set<Long> storedIds(String collectorId, List<Long> ids) {
        Set<Long> stored = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_LOOKUP) {
            MapSqlParameterSource params = new MapSqlParameterSource().addValue("collector", collectorId)
                    .addValue("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_LOOKUP)));
            stored.addAll(named.queryForList(STORED_IDS, params, Long.class));
        }
        return stored;
    }

    private static void bind(PreparedStatement statement, long position, String organizationId, String collectorId,
            ReceivedRecord record, Timestamp now) throws SQLException {
        statement.setLong(1, position);
        statement.setString(2, collectorId);
        statement.setString(3, organizationId);
        statement.setLong(4, record.recordId());
        statement.setTimestamp(5, Timestamp.from(record.created()));
        statement.setString(6, Columns.clip(record.category(), 255));
        statement.setString(7, Columns.clip(record.summary(), 1024));
        statement.setString(8, Columns.clip(record.authorAccountId(), 128));
        statement.setString(9, Columns.clip(record.remoteAddress(), 255));
        statement.setString(10, Columns.clip(record.objectType(), 255));
        statement.setString(11, Columns.clip(record.objectId(), 255));
        statement.setString(12, Columns.clip(record.objectName(), 1024));
        statement.setTimestamp(13, now);
        statement.setString(14, record.body());
    }
}
