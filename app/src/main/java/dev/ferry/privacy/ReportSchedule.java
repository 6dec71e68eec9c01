package dev.ferry.privacy;

import dev.ferry.persistence.Columns;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code personal_data_report} rows: one per app install, due at first at once. A node takes a due site
 * with one conditional update (its lease), so of any number of nodes exactly one reports a site per cycle;
 * finishing moves the due time past now and lets the lease go.
 */
@Component
class ReportSchedule {

    private final JdbcClient jdbc;

    ReportSchedule(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a row, due now, for every install that has none; another node adding the same row at once is fine. */
    void enroll(Instant now) {
        try {
            jdbc.sql("""
                    insert into personal_data_report (client_key, next_due_at)
                    select s.client_key, cast(? as timestamp with time zone) from site s
                    where s.state <> 'UNINSTALLED'
                      and not exists (select 1 from personal_data_report r where r.client_key = s.client_key)""")
                    .param(Timestamp.from(now)).update();
        } catch (DuplicateKeyException raced) {
            // another node enrolled the same site between the check and the insert: its row serves
        }
    }

    /** Sites due now and not held by a live lease, oldest first. */
    List<String> due(Instant now, int limit) {
        return jdbc.sql("""
                select client_key from personal_data_report
                where next_due_at <= ? and (lease_until is null or lease_until < ?)
                order by next_due_at, client_key""")
                .param(Timestamp.from(now)).param(Timestamp.from(now)).query(String.class).list().stream().limit(limit).toList();
    }

    /** Takes the site's report until {@code until}; false when another node took it or it is no longer due. */
    boolean lease(String clientKey, Instant now, Instant until) {
        return jdbc.sql("""
                update personal_data_report set lease_until = ?
                where client_key = ? and next_due_at <= ? and (lease_until is null or lease_until < ?)""")
                .param(Timestamp.from(until)).param(clientKey).param(Timestamp.from(now)).param(Timestamp.from(now))
                .update() == 1;
    }

    /** The report is done (or given up for now): next due at {@code nextDue}, the lease let go. */
    void finish(String clientKey, Instant nextDue, String outcome) {
        jdbc.sql("update personal_data_report set next_due_at = ?, lease_until = null, last_outcome = ? where client_key = ?")
                .param(Timestamp.from(nextDue)).param(Columns.clip(outcome, 512)).param(clientKey).update();
    }

    /** Atlassian answered every batch: the report counts as made at {@code reportedAt}. */
    void reported(String clientKey, Instant reportedAt, Instant nextDue, String outcome) {
        jdbc.sql("""
                update personal_data_report set next_due_at = ?, lease_until = null, last_reported_at = ?, last_outcome = ?
                where client_key = ?""")
                .param(Timestamp.from(nextDue)).param(Timestamp.from(reportedAt)).param(Columns.clip(outcome, 512))
                .param(clientKey).update();
    }
}
