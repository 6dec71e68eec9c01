package dev.ferry.people;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who an activity belongs to, for the side that reads activities: activities keep only the actor's accountId,
 * and these lookups turn it into a person of the product at read time, so a mapping added later attributes the
 * past at once and a mapping removed stops attributing it.
 */
@Component
public class Attribution {

    private final JdbcTemplate jdbc;

    Attribution(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every resolved identity of the connection: accountId to its person, in one query. */
    public Map<String, PersonRef> byAccountId(String organizationId, String connectionId) {
        Map<String, PersonRef> people = new HashMap<>();
        jdbc.query("""
                select i.account_id, p.id, p.external_id, p.name from person_identity i join person p on p.id = i.person_id
                where i.organization_id = ? and i.connection_id = ? and i.account_id is not null""",
                (java.sql.ResultSet rs) -> {
                    people.put(rs.getString(1), new PersonRef(rs.getString(2), rs.getString(3), rs.getString(4)));
                }, organizationId, connectionId);
        return people;
    }

    /** Every accountId mapped to the person, on any connection: the actors whose activities are theirs. */
    public Set<String> accountIdsOf(String organizationId, String personId) {
        return new LinkedHashSet<>(jdbc.queryForList("""
                select distinct account_id from person_identity
                where organization_id = ? and person_id = ? and account_id is not null order by account_id""",
                String.class, organizationId, personId));
    }
}
