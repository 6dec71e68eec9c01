package dev.ferry.people;

import dev.ferry.jira.JiraUser;
import dev.ferry.persistence.Columns;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The jira_user rows of a connection as Jira lists its users. An update first and an insert for the accounts
 * it did not touch: the same two statements on H2 and PostgreSQL, and an insert that races the activity store
 * (which adds actors' names) falls back to the update.
 */
@Repository
class JiraUserRows {

    private static final String UPDATE = """
            update jira_user set display_name = ?, email = ?, account_type = ?, active = ?, refreshed_at = ?
            where connection_id = ? and account_id = ?""";

    private final JdbcTemplate jdbc;

    JiraUserRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(String organizationId, String connection, List<JiraUser> users, Instant now) {
        List<JiraUser> known = users.stream().filter(user -> user.accountId() != null).toList();
        if (known.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        int[] updated = jdbc.batchUpdate(UPDATE, known.stream().map(user -> new Object[] {
                Columns.clip(user.displayName(), 255), Columns.clip(user.email(), 320), user.accountType(), user.active(),
                at, connection, user.accountId()}).toList());
        List<JiraUser> fresh = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            if (updated[i] == 0) {
                fresh.add(known.get(i));
            }
        }
        for (JiraUser user : fresh) {
            try {
                jdbc.update("""
                        insert into jira_user (organization_id, connection_id, account_id, display_name, email,
                                               account_type, active, seen_at, refreshed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", organizationId, connection, user.accountId(),
                        Columns.clip(user.displayName(), 255), Columns.clip(user.email(), 320), user.accountType(),
                        user.active(), at, at);
            } catch (DuplicateKeyException raced) {
                jdbc.update(UPDATE, Columns.clip(user.displayName(), 255), Columns.clip(user.email(), 320),
                        user.accountType(), user.active(), at, connection, user.accountId());
            }
        }
    }

    /** A page of the stored users of the connection, by name. */
    List<StoredJiraUser> page(String organizationId, String connection, int limit, int offset) {
        return jdbc.query("""
                select account_id, display_name, email, account_type, active, seen_at, refreshed_at from jira_user
                where organization_id = ? and connection_id = ?
                order by display_name, account_id limit ? offset ?""",
                (rs, n) -> new StoredJiraUser(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Boolean) rs.getObject(5), Columns.instant(rs, "refreshed_at")),
                organizationId, connection, limit, offset);
    }

    /**
     * A user of the connection as Ferry keeps it.
     *
     * @param active      null for an actor seen in activities whose account was never listed from Jira
     * @param refreshedAt when Jira last listed it; null when it was only seen as an actor
     */
    record StoredJiraUser(String accountId, String displayName, String email, String accountType, Boolean active,
            java.time.Instant refreshedAt) {
    }
}
