package dev.ferry.auditrecord;

import dev.ferry.setting.PositiveDuration;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Jira's audit records are read out and how long they are kept.
 *
 * @param retention                  records Jira created longer ago are deleted
 * @param pruneEvery                 how often a node prunes
 * @param pruneBatch                 rows deleted per transaction, so a large prune never holds one long transaction
 * @param pruneWorkerEnabled         whether this node prunes on its schedule
 * @param pageLimit                  records in a list page when the caller names no {@code limit}
 * @param maxPageLimit               the largest {@code limit} a list page takes
 * @param exportChunk                records an export or a stream reads per query
 * @param streamMaxDuration          how long one follow stream stays open before Ferry closes it (clients reconnect)
 * @param streamPollEvery            how often an open stream looks for new records when no store woke it
 * @param heartbeat                  how often an idle stream sends a comment, so proxies keep it open
 * @param maxStreamsPerOrganization  open follow streams an organization may hold at once; one more is answered 429
 */
@Validated
@ConfigurationProperties("ferry.audit-records")
record AuditRecordsProperties(
        @DefaultValue("400d") @PositiveDuration Duration retention,
        @DefaultValue("1h") @PositiveDuration Duration pruneEvery,
        @DefaultValue("5000") @Positive int pruneBatch,
        @DefaultValue("true") boolean pruneWorkerEnabled,
        @DefaultValue("100") @Positive int pageLimit,
        @DefaultValue("1000") @Positive int maxPageLimit,
        @DefaultValue("5000") @Positive int exportChunk,
        @DefaultValue("10m") @PositiveDuration Duration streamMaxDuration,
        @DefaultValue("1s") @PositiveDuration Duration streamPollEvery,
        @DefaultValue("15s") @PositiveDuration Duration heartbeat,
        @DefaultValue("5") @Positive int maxStreamsPerOrganization) {

    AuditRecordsProperties {
        pruneBatch = Math.max(1, pruneBatch);
        maxPageLimit = Math.max(1, maxPageLimit);
        pageLimit = Math.min(Math.max(1, pageLimit), maxPageLimit);
        exportChunk = Math.max(1, exportChunk);
    }
}
