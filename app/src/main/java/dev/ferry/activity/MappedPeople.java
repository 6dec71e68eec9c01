package dev.ferry.activity;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The people directory as reading needs it: a person by Ferry's id or the product's id, with the accounts mapped
 * to them. Read here with SQL so that reading depends on the tables, not on the people API's code.
 */
@Component
class MappedPeople {

    private final JdbcClient jdbc;

    MappedPeople(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** By Ferry's id first, then by the product's: an id names the person it was given to. */
    Optional<PersonRef> find(String organizationId, String idOrExternalId) {
        List<String[]> found = jdbc.sql("""
                select id, external_id, name from person where organization_id = :organization
                and (id = :value or external_id = :value) order by case when id = :value then 0 else 1 end""")
                .param("organization", organizationId).param("value", idOrExternalId)
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        return found.stream().findFirst().map(p -> new PersonRef(p[0], p[1], p[2], identities(p[0])));
    }

    /** The organization's people, by name, for the console's filter. */
    List<PersonRef> all(String organizationId) {
        return jdbc.sql("select id, external_id, name from person where organization_id = ? order by name, external_id")
                .param(organizationId)
                .query((rs, row) -> new PersonRef(rs.getString(1), rs.getString(2), rs.getString(3), List.of())).list();
    }

    /** How many people have an account on the connection (or on any, with {@code connectionId} null). */
    long mapped(String organizationId, String connectionId) {
        String counted = "select count(distinct person_id) from person_identity where organization_id = ?"
                + " and account_id is not null";
        return connectionId == null ? jdbc.sql(counted).param(organizationId).query(Long.class).single()
                : jdbc.sql(counted + " and connection_id = ?").params(organizationId, connectionId).query(Long.class).single();
    }

    private List<PersonRef.Identity> identities(String personId) {
        return jdbc.sql("select connection_id, account_id from person_identity where person_id = ? and account_id is not null")
                .param(personId).query((rs, row) -> new PersonRef.Identity(rs.getString(1), rs.getString(2))).list();
    }
}
