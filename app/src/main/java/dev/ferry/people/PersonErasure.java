package dev.ferry.people;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases a person on request: every activity whose actor is one of their accountIds (in batches, each its own
 * short transaction, so a large history never holds one long lock), the names Ferry keeps for those accounts
 * (jira_user), then the person and their mapping with the audit record, together. Until that last step the
 * person stays, so an erase cut short is finished by asking again.
 */
@Component
class PersonErasure {

    private final People people;
    private final NamedParameterJdbcTemplate named;
    private final PersonStore store;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final PeopleProperties properties;

    PersonErasure(People people, JdbcTemplate jdbc, PersonStore store,
            AuditLog audit, TransactionTemplate transaction, PeopleProperties properties) {
        this.people = people;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.store = store;
        this.audit = audit;
        this.transaction = transaction;
        this.properties = properties;
    }

    Erased erase(String organizationId, String actor, String personId) {
        Person person = people.find(organizationId, personId);
        // The person as found already holds their identities: no second read of the mapping.
        List<String> accountIds = person.identities().stream().map(Identity::accountId).filter(Objects::nonNull)
                .distinct().toList();
        long activities = 0;
        int jiraUsers = 0;
        if (!accountIds.isEmpty()) {
            activities = deleteActivities(organizationId, accountIds);
            jiraUsers = named.update("delete from jira_user where organization_id = :organization"
                    + " and account_id in (:accounts)", params(organizationId, accountIds));
        }
        Erased erased = new Erased(person.identities().size(), activities, jiraUsers);
        transaction.executeWithoutResult(status -> {
            store.delete(organizationId, personId);
            // Counts only: the audit log outlives the erasure and must not keep who it was.
            audit.record(organizationId, actor, AuditAction.PERSON_ERASED, personId, erased.identities()
                    + " identities, " + erased.activities() + " activities, " + erased.jiraUsers() + " Jira user records");
        });
        return erased;
    }

    private long deleteActivities(String organizationId, List<String> accountIds) {
        long deleted = 0;
        MapSqlParameterSource params = params(organizationId, accountIds).addValue("batch", properties.eraseBatch());
        int batch;
        do {
            batch = transaction.execute(status -> named.update("""
                    delete from activity where id in (
                        select id from activity where organization_id = :organization and actor_account_id in (:accounts)
                        limit :batch)""", params));
            deleted += batch;
        } while (batch > 0);
        return deleted;
    }

    private static MapSqlParameterSource params(String organizationId, List<String> accountIds) {
        return new MapSqlParameterSource().addValue("organization", organizationId).addValue("accounts", accountIds);
    }

    /** What the erasure removed, as counts. */
    record Erased(int identities, long activities, int jiraUsers) {
    }
}
