package dev.ferry.auditsink;

import dev.ferry.crypto.Sealed;
import dev.ferry.persistence.Columns;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code audit_sink} table. A claim is a lease: the sink's next attempt moves past it, so other nodes leave it
 * alone ({@code SKIP LOCKED} keeps them off it while claiming) and a worker that dies frees it when the lease runs
 * out. The lease's end is also the claim's fence: every later write names it, so a worker that lost its sink
 * (stalled past the lease, or the sink was removed or edited) changes nothing.
 */
@Component
class AuditSinks {

    private static final String ANSWER = "last_http_status = ?, last_answer = ?";
    /** Only sinks with records after their position are due: an idle sink costs a worker nothing but this query. */
    private static final String DUE = """
            select s.* from audit_sink s
            where s.enabled = true and s.next_attempt_at <= ?
              and exists (select 1 from jira_audit_record r where r.collector_id = s.collector_id
                  and r.position > s.position)
            order by s.next_attempt_at, s.collector_id
            limit ?
            for update skip locked""";

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditSinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the organization has this collector: another organization's is as absent as a missing one. */
    boolean collectorExists(String organizationId, String collectorId) {
        return jdbc.sql("select count(*) from audit_collector where id = ? and organization_id = ?")
                .params(collectorId, organizationId).query(Integer.class).single() == 1;
    }

    Optional<AuditSink> find(String organizationId, String collectorId) {
        return jdbc.sql("select * from audit_sink where collector_id = ? and organization_id = ?")
                .params(collectorId, organizationId).query(AuditSink::read).optional();
    }

    /** The collector's records the sink has not accepted yet. */
    long behind(AuditSink sink) {
        return jdbc.sql("select count(*) from jira_audit_record where collector_id = ? and position > ?")
                .params(sink.collectorId(), sink.position()).query(Long.class).single();
    }

    /** A new sink starts before the collector's first record; due now. */
    void insert(String organizationId, String collectorId, Settings settings, String by) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into audit_sink (collector_id, organization_id, url, header_names, headers_key_id,
                    headers_ciphertext, batch_size, enabled, position, next_attempt_at, attempts, sent, updated_by,
                    updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, 0, ?, ?)""")
                .params(collectorId, organizationId, settings.url(), settings.names(), keyId(settings.headers()),
                        ciphertext(settings.headers()), settings.batchSize(), settings.enabled(), now,
                        Columns.clip(by, 255), now)
                .update();
    }

    /**
     * New settings; the position stays. A failing sink is tried again at once, with the new settings; a worker
     * sending now keeps its lease (its batch went to the old URL and counts as accepted there).
     */
    void update(AuditSink sink, Settings settings, String by) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update audit_sink set url = ?, header_names = ?, headers_key_id = ?, headers_ciphertext = ?,
                    batch_size = ?, enabled = ?, attempts = 0,
                    next_attempt_at = case when lease_until is null then ? else next_attempt_at end,
                    updated_by = ?, updated_at = ?
                where collector_id = ? and organization_id = ?""")
                .params(settings.url(), settings.names(), keyId(settings.headers()), ciphertext(settings.headers()),
                        settings.batchSize(), settings.enabled(), now, Columns.clip(by, 255), now, sink.collectorId(),
                        sink.organizationId())
                .update();
    }

    boolean delete(String organizationId, String collectorId) {
        return jdbc.sql("delete from audit_sink where collector_id = ? and organization_id = ?")
                .params(collectorId, organizationId).update() == 1;
    }

    /** Due sinks, each now this worker's until its lease runs out. */
    @Transactional
    List<AuditSink> claim(int limit, Duration lease) {
        Instant now = clock.instant();
        Instant until = Columns.fence(now.plus(lease));
        List<AuditSink> due = jdbc.sql(DUE).params(Timestamp.from(now), limit).query(AuditSink::read).list();
        for (AuditSink sink : due) {
            jdbc.sql("update audit_sink set lease_until = ?, next_attempt_at = ? where collector_id = ?")
                    .params(Timestamp.from(until), Timestamp.from(until), sink.collectorId()).update();
        }
        return due.stream().map(sink -> sink.leased(until)).toList();
    }

    /**
     * The sink accepted the batch up to {@code last}: the position moves with the answer, in one fenced write, and
     * the lease is renewed to {@code until}. False when the sink is no longer this worker's: nothing changed.
     */
    boolean accepted(AuditSink sink, long last, int count, int status, String answer, Instant until) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("update audit_sink set position = ?, sent = sent + ?, attempts = 0, last_sent_at = ?, " + ANSWER
                + ", last_error = null, lease_until = ?, next_attempt_at = ? where collector_id = ? and lease_until = ?")
                .params(last, count, now, status, Columns.clip(answer, 1000), Timestamp.from(until),
                        Timestamp.from(until), sink.collectorId(), Timestamp.from(sink.leaseUntil()))
                .update() == 1;
    }

    /** The post failed: the position stays, the same batch goes again at {@code next}. */
    boolean failed(AuditSink sink, Integer status, String answer, String error, Instant next) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("update audit_sink set attempts = attempts + 1, " + ANSWER + ", last_error = ?, last_error_at = ?,"
                + " lease_until = null, next_attempt_at = ? where collector_id = ? and lease_until = ?")
                .params(status, Columns.clip(answer, 1000), Columns.clip(error, 1000), now, Timestamp.from(next),
                        sink.collectorId(), Timestamp.from(sink.leaseUntil()))
                .update() == 1;
    }

    /** The worker lets the sink go: due again at once, for whichever worker claims it next. */
    void release(AuditSink sink) {
        jdbc.sql("update audit_sink set lease_until = null, next_attempt_at = ? where collector_id = ? and lease_until = ?")
                .params(Timestamp.from(clock.instant()), sink.collectorId(), Timestamp.from(sink.leaseUntil())).update();
    }

    private static String keyId(Sealed sealed) {
        return sealed == null ? null : sealed.keyId();
    }

    private static String ciphertext(Sealed sealed) {
        return sealed == null ? null : sealed.ciphertext();
    }

    /** What a person or program set: the URL, the headers sealed (null: none) and their names, batch size, switch. */
    record Settings(String url, List<String> headerNames, Sealed headers, int batchSize, boolean enabled) {

        String names() {
            return Columns.clip(String.join(",", headerNames), 1024);
        }
    }
}
