package dev.ferry.auditrecord;

import dev.ferry.persistence.BatchedPrune;
import dev.ferry.persistence.OutageBackoff;
import dev.ferry.schedule.SingletonJob;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps audit records no longer than {@code ferry.audit-records.retention}, counted from Jira's {@code created}:
 * retention is about how old the event is, not when Ferry happened to read it, and {@code created} is indexed per
 * organization, so the prune goes along the (organization_id, created_at, position) index in {@link BatchedPrune}.
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
    @SingletonJob(name = "audit-record-prune")
    void onSchedule() {
        if (properties.pruneWorkerEnabled()) {
            outage.run(this::prune);
        }
    }

    /** What one prune deleted, and in how many batches. */
    record Pruned(int records, int batches) {
    }

    Pruned prune() {
        Instant cutoff = clock.instant().minus(properties.retention());
        BatchedPrune.Deleted deleted = BatchedPrune.run(jdbc, """
                delete from jira_audit_record where position in (
                    select position from jira_audit_record where organization_id = ? and created_at < ?
                    order by created_at, position limit ?)""", cutoff, properties.pruneBatch());
        if (deleted.rows() > 0) {
            log.info("pruned {} audit records ({} batches) created before {}", deleted.rows(), deleted.batches(),
                    cutoff);
        }
        return new Pruned(deleted.rows(), deleted.batches());
    }
}
