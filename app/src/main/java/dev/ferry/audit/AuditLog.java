package dev.ferry.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes the app's audit log, in the caller's transaction: a change and its record commit together. */
@Service
public class AuditLog {

    static final int MAX_TARGET = 1024;
    static final int MAX_DETAIL = 4000;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param organizationId the organization the record belongs to (null: Ferry itself)
     * @param actor          who did it, for example {@code api-key:<id>}, {@code operator} or {@code jira}
     * @param target         what it was done to (a clientKey, a key id, an issue key), cut to 1024 characters
     * @param detail         a short human-readable note, never a secret, cut to 4000 characters
     */
    @Transactional
    public void record(String organizationId, String actor, AuditAction action, String target, String detail) {
        jdbc.sql("""
                insert into audit_record (organization_id, occurred_at, actor, action, target, detail)
                values (:organizationId, :occurredAt, :actor, :action, :target, :detail)""")
                .param("organizationId", organizationId)
                .param("occurredAt", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("actor", cut(actor, 255))
                .param("action", action.name())
                .param("target", cut(target, MAX_TARGET))
                .param("detail", cut(detail, MAX_DETAIL))
                .update();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
