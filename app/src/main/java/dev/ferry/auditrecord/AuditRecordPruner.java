package dev.ferry.auditrecord;

import dev.ferry.persistence.OutageBackoff;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps audit records no longer than {@code ferry.audit-records.retention}, counted from Jira's {@code created}:
 * retention is about how old the event is, not when Ferry happened to read it, and {@code created} is indexed per
 * organization. Deletes a batch per statement (autocommit), so a prune of millions never holds a long transaction.
 * Any number of nodes may prune at once, as the activity pruner does: a row is deleted once.
 */
@Component
class AuditRecordPruner {

    private static final Logger log = LoggerFactory.getLogger(AuditRecordPruner.class);

    private final OutageBackoff outage = new OutageBackoff("audit record pruner", log);
    private final JdbcClient jdbc;
    private final AuditRecordsProperties properties;
    private final Clock clock;

    AuditRecordPruner(JdbcClient jdbc, AuditRecordsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ferry.audit-records.prune-every:1h}", initialDelayString = "PT5M")
    void onSchedule() {
        if (properties.pruneWorkerEnabled()) {
            outage.run(this::prune);
        }
    }

    /** What one prune deleted, and in how many batches. */
    record Pruned(int records, int batches) {
    }

    Pruned prune() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(properties.retention()));
        int records = 0;
        int batches = 0;
        // Organization by organization, along the (organization_id, created_at, position) index.
        for (String organization : jdbc.sql("select id from organization").query(String.class).list()) {
            int deleted;
            do {
                // Portable on H2 and PostgreSQL: neither takes a limit on delete itself.
                deleted = jdbc.sql("""
                        delete from jira_audit_record where position in (
                            select position from jira_audit_record where organization_id = ? and created_at < ?
                            order by created_at, position limit ?)""")
                        .param(organization).param(cutoff).param(properties.pruneBatch()).update();
                records += deleted;
                batches += deleted > 0 ? 1 : 0;
            } while (deleted == properties.pruneBatch());
        }
        if (records > 0) {
            log.info("pruned {} audit records ({} batches) created before {}", records, batches, cutoff.toInstant());
        }
        return new Pruned(records, batches);
    }
}
