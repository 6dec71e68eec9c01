package dev.ferry.privacy;

import dev.ferry.jira.PersonalDataReports.HeldAccount;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Atlassian accounts Ferry holds personal data of through one connection, each with when that data was last
 * read from Atlassian: a name in {@code jira_user} (refreshed, or else first seen) and a person's identity in
 * {@code person_identity} (resolved, or else created). An account in both is reported once, with the later time.
 */
@Component
class HeldAccounts {

    private final JdbcClient jdbc;

    HeldAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every account held through the connection, by accountId. */
    List<HeldAccount> of(String connectionId) {
        TreeMap<String, Instant> held = new TreeMap<>();
        jdbc.sql("""
                select account_id, coalesce(refreshed_at, seen_at) as updated_at from jira_user where connection_id = ?
                union all
                select account_id, coalesce(resolved_at, created_at) as updated_at from person_identity
                where connection_id = ? and account_id is not null""")
                .param(connectionId).param(connectionId)
                .query((row, n) -> new HeldAccount(row.getString("account_id"),
                        row.getTimestamp("updated_at").toInstant()))
                .list().forEach(account -> held.merge(account.accountId(), account.updatedAt(),
                        (a, b) -> a.isAfter(b) ? a : b));
        return held.entrySet().stream().map(e -> new HeldAccount(e.getKey(), e.getValue())).toList();
    }
}
