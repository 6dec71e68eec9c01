package dev.ferry.auditrecord;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Collectors and their stored records, written as the poller writes them: records through the store. */
public final class AuditRecordFixtures {

    private final AuditRecordStore store;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private long nextId = 10_000;

    AuditRecordFixtures(AuditRecordStore store, TransactionTemplate transaction, JdbcTemplate jdbc) {
        this.store = store;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    String collector(String organizationId) {
        return collector(jdbc, organizationId);
    }

    /**
     * A collector of the organization, written straight to its table as the poller would find it, due in an hour
     * (no poll in a test unless it asks); answers its id.
     */
    public static String collector(JdbcTemplate jdbc, String organizationId) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into audit_collector (id, organization_id, connection_id, poll_seconds, paused, window_offset,
                    next_poll_at, attempts, records, created_by, created_at, updated_at)
                values (?, ?, ?, 300, false, 0, ?, 0, 0, 'test', ?, ?)""", id, organizationId, "conn-" + id,
                Timestamp.from(Instant.now().plusSeconds(3600)), now, now);
        return id;
    }

    /** Stores {@code count} records created a second apart from {@code first}, in one page per 1,000. */
    void store(String organizationId, String collectorId, Instant first, int count, String category) {
        for (int from = 0; from < count; from += 1_000) {
            List<ReceivedRecord> page = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 1_000); i++) {
                page.add(record(nextId++, first.plusSeconds(i), category));
            }
            transaction.executeWithoutResult(status -> store.store(organizationId, collectorId, page));
        }
    }

    static ReceivedRecord record(long id, Instant created, String category) {
        String body = "{\"id\":" + id + ",\"summary\":\"User added to group\",\"created\":\"" + created
                + "\",\"category\":\"" + category + "\",\"authorAccountId\":\"557058:ana\",\"remoteAddress\":\"10.0.0.7\","
                + "\"objectItem\":{\"id\":\"jira-admins\",\"name\":\"jira-admins\",\"typeName\":\"GROUP\"},"
                + "\"associatedItems\":[],\"unexpected\":{\"kept\":true}}";
        return new ReceivedRecord(id, created, category, "User added to group", "557058:ana", "10.0.0.7", "GROUP",
                "jira-admins", "jira-admins", body);
    }
}
