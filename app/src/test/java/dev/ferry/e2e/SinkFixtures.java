package dev.ferry.e2e;

import dev.ferry.auditrecord.AuditRecordFixtures;
import dev.ferry.auditrecord.AuditRecordStore;
import dev.ferry.auditrecord.ReceivedRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Fixtures of the sink journeys: a collector row written as the poller would, and audit records stored its way. */
final class SinkFixtures {

    private SinkFixtures() {
    }

    /** A collector of the organization, written straight to its table; answers its id. */
    static String collector(ApplicationContext context, String organizationId) {
        return AuditRecordFixtures.collector(context.getBean(JdbcTemplate.class), organizationId);
    }

    /** Stores records {@code from}..{@code to} (Jira's ids) for the collector, one page, as a poll commits it. */
    static void store(ApplicationContext context, String organizationId, String collectorId, long from, long to) {
        List<ReceivedRecord> page = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            Instant created = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(id);
            page.add(new ReceivedRecord(id, created, "user management", "User added " + id, "557058:admin",
                    "203.0.113.7", "USER", "u-" + id, "User " + id, "{\"id\":" + id + ",\"summary\":\"User added " + id
                            + "\",\"created\":\"" + created + "\",\"category\":\"user management\",\"odd\":[1,{\"x\":\"é\\n\"}]}"));
        }
        context.getBean(TransactionTemplate.class).executeWithoutResult(
                status -> context.getBean(AuditRecordStore.class).store(organizationId, collectorId, page));
    }
}
