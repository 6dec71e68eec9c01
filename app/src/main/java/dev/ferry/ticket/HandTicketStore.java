package dev.ferry.ticket;

import dev.ferry.jira.IssueDraft;
import dev.ferry.link.LinkedObject;
import dev.ferry.persistence.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hand_ticket rows. Whoever works a row holds it by a lease ({@code claimed_until}); every update after
 * the claim is fenced by {@code attempts}, so a worker whose lease ran out cannot overwrite the next one's work.
 */
@Component
class HandTicketStore {

    private static final String COLUMNS = """
            id, organization_id, client_key, idempotency_key, request_hash, draft, object_type, object_id,
            object_title, object_url, object_state, status, attempts, write_attempted_at, issue_id, issue_key,
            link_id, claimed_until, last_error, created_by, created_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    HandTicketStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores a new PENDING row, claimed at once by the request that files it (attempt 1, leased).
     *
     * @throws org.springframework.dao.DuplicateKeyException when the organization used the idempotency key already
     */
    HandTicketRow insert(String organizationId, String clientKey, String idempotencyKey, String requestHash,
            IssueDraft draft, LinkedObject object, String createdBy, Duration lease) {
        Instant now = clock.instant();
        Timestamp until = Timestamp.from(now.plus(lease));
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into hand_ticket (organization_id, client_key, idempotency_key, request_hash, project_key, draft,
                    object_type, object_id, object_title, object_url, object_state, status, attempts, next_attempt_at,
                    claimed_until, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 1, ?, ?, ?, ?)""")
                .params(organizationId, clientKey, idempotencyKey, requestHash, draft.projectKey(), DraftJson.write(draft),
                        object.type(), object.id(), object.title(), object.url(), object.state(), until, until,
                        createdBy, Timestamp.from(now))
                .update(keys, "id");
        return find(organizationId, keys.getKey().longValue()).orElseThrow();
    }

    Optional<HandTicketRow> find(String organizationId, long id) {
        return jdbc.sql("select " + COLUMNS + " from hand_ticket where id = ? and organization_id = ?")
                .params(id, organizationId).query(HandTicketStore::row).optional();
    }

    Optional<HandTicketRow> findByKey(String organizationId, String idempotencyKey) {
        return jdbc.sql("select " + COLUMNS + " from hand_ticket where organization_id = ? and idempotency_key = ?")
                .params(organizationId, idempotencyKey).query(HandTicketStore::row).optional();
    }

    /** The organization's name, as the description's context section names it. */
    String organizationName(String organizationId) {
        return jdbc.sql("select name from organization where id = ?").param(organizationId).query(String.class)
                .optional().orElse(null);
    }

    /** Takes a PENDING row nobody holds now (a retry of the request finishes it); empty when it is held or done. */
    Optional<HandTicketRow> claim(HandTicketRow row, Duration lease) {
        Instant now = clock.instant();
        Timestamp until = Timestamp.from(now.plus(lease));
        int claimed = jdbc.sql("""
                update hand_ticket set attempts = attempts + 1, claimed_until = ?, next_attempt_at = ?
                where id = ? and status = 'PENDING' and (claimed_until is null or claimed_until <= ?)""")
                .params(until, until, row.id(), Timestamp.from(now)).update();
        return claimed == 1 ? find(row.organizationId(), row.id()) : Optional.empty();
    }

    /** The worker's batch: PENDING rows due and not held, each claimed; {@code SKIP LOCKED} keeps nodes apart. */
    @Transactional
    List<HandTicketRow> claimDue(int batchSize, Duration lease) {
        Instant now = clock.instant();
        List<HandTicketRow> due = jdbc.sql("select " + COLUMNS + " " + """
                 from hand_ticket where status = 'PENDING' and next_attempt_at <= ?
                   and (claimed_until is null or claimed_until <= ?)
                 order by next_attempt_at, id limit ? for update skip locked""")
                .params(Timestamp.from(now), Timestamp.from(now), batchSize).query(HandTicketStore::row).list();
        Timestamp until = Timestamp.from(now.plus(lease));
        return due.stream().map(row -> {
            jdbc.sql("update hand_ticket set attempts = attempts + 1, claimed_until = ?, next_attempt_at = ? where id = ?")
                    .params(until, until, row.id()).update();
            return find(row.organizationId(), row.id()).orElseThrow();
        }).toList();
    }

    /** Written before the create: from here on, the issue may exist and is looked for before filing again. */
    void writeAttempted(HandTicketRow row) {
        fenced(row, jdbc.sql("update hand_ticket set write_attempted_at = ? where id = ? and attempts = ?")
                .params(Timestamp.from(clock.instant()), row.id(), row.attempts()).update());
    }

    /** Jira has the issue and it is linked: the row is done. */
    void created(HandTicketRow row, String issueId, String issueKey, long linkId) {
        fenced(row, jdbc.sql("""
                update hand_ticket set status = 'CREATED', issue_id = ?, issue_key = ?, link_id = ?, last_error = null,
                    claimed_until = null, finished_at = ? where id = ? and attempts = ?""")
                .params(issueId, issueKey, linkId, Timestamp.from(clock.instant()), row.id(), row.attempts()).update());
    }

    /** Jira refused the create: nothing was filed, nothing is linked, and nothing will be tried again. */
    void failed(HandTicketRow row, String error) {
        fenced(row, jdbc.sql("""
                update hand_ticket set status = 'FAILED', last_error = ?, claimed_until = null, finished_at = ?
                where id = ? and attempts = ?""")
                .params(Columns.clip(error, 4000), Timestamp.from(clock.instant()), row.id(), row.attempts()).update());
    }

    /** Jira could not be asked now: the worker tries again at {@code when}. */
    void reschedule(HandTicketRow row, Instant when, String error) {
        fenced(row, jdbc.sql("""
                update hand_ticket set next_attempt_at = ?, claimed_until = null, last_error = ?
                where id = ? and attempts = ?""")
                .params(Timestamp.from(when), Columns.clip(error, 4000), row.id(), row.attempts()).update());
    }

    private static void fenced(HandTicketRow row, int updated) {
        if (updated != 1) {
            throw new ClaimLostException(row);
        }
    }

    private static HandTicketRow row(ResultSet rs, int index) throws SQLException {
        long link = rs.getLong("link_id");
        Long linkId = rs.wasNull() ? null : link;
        return new HandTicketRow(rs.getLong("id"), rs.getString("organization_id"), rs.getString("client_key"),
                rs.getString("idempotency_key"), rs.getString("request_hash"), DraftJson.read(rs.getString("draft")),
                new LinkedObject(rs.getString("object_type"), rs.getString("object_id"), rs.getString("object_title"),
                        rs.getString("object_url"), rs.getString("object_state")),
                HandTicket.State.valueOf(rs.getString("status")), rs.getInt("attempts"),
                Columns.instant(rs, "write_attempted_at"), rs.getString("issue_id"), rs.getString("issue_key"),
                linkId, Columns.instant(rs, "claimed_until"), rs.getString("last_error"),
                rs.getString("created_by"), Columns.instant(rs, "created_at"));
    }
}
