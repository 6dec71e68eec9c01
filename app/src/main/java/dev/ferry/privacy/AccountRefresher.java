package dev.ferry.privacy;

import dev.ferry.jira.JiraSite;
import dev.ferry.jira.JiraUsers;
import dev.ferry.persistence.Columns;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refreshes what Ferry holds of an account Atlassian reported {@code updated}: its name, email (as the site shows
 * it now: none when hidden), type and whether it is active, read from Jira, with {@code refreshed_at} now, so the
 * next report tells Atlassian the data is current.
 */
@Component
class AccountRefresher {

    private final JiraUsers jira;
    private final JdbcClient jdbc;
    private final Clock clock;

    AccountRefresher(JiraUsers jira, JdbcClient jdbc, Clock clock) {
        this.jira = jira;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True when Jira still knows the account and its row on the connection was refreshed. */
    boolean refresh(JiraSite site, String connectionId, String accountId) {
        return jira.byAccountId(site, accountId).map(user -> jdbc.sql("""
                update jira_user set display_name = ?, email = ?, account_type = ?, active = ?, refreshed_at = ?
                where connection_id = ? and account_id = ?""")
                .param(Columns.clip(user.displayName(), 255)).param(Columns.clip(user.email(), 320))
                .param(Columns.clip(user.accountType(), 32)).param(user.active())
                .param(Timestamp.from(clock.instant())).param(connectionId).param(accountId).update() > 0)
                .orElse(false);
    }
}
