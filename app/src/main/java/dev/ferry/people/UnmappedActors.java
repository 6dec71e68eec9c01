package dev.ferry.people;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The actors of a connection's activities that no person is mapped to, most active first: who the admin should
 * map next. Names and account types come from jira_user (actors' names as seen, or as Jira listed them).
 */
@Component
class UnmappedActors {

    private final JdbcTemplate jdbc;

    UnmappedActors(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Actor> page(String organizationId, String connection, int limit, int offset) {
        return jdbc.query("""
                select a.actor_account_id, count(*) as activities, u.display_name, u.account_type, u.active
                from activity a
                left join jira_user u on u.connection_id = a.connection_id and u.account_id = a.actor_account_id
                where a.organization_id = ? and a.connection_id = ? and a.actor_account_id is not null
                  and not exists (select 1 from person_identity i where i.organization_id = a.organization_id
                                  and i.connection_id = a.connection_id and i.account_id = a.actor_account_id)
                group by a.actor_account_id, u.display_name, u.account_type, u.active
                order by activities desc, a.actor_account_id
                limit ? offset ?""",
                (rs, n) -> new Actor(rs.getString(1), rs.getString(3), rs.getString(4), (Boolean) rs.getObject(5),
                        rs.getLong(2)), organizationId, connection, limit, offset);
    }

    /**
     * @param active     null when Jira's users were never listed for the connection (refresh the Jira users)
     * @param activities how many stored activities the account is the actor of on the connection
     */
    record Actor(String accountId, String displayName, String accountType, Boolean active, long activities) {
    }
}
