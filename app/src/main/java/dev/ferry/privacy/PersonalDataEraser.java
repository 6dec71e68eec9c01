package dev.ferry.privacy;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases everything Ferry holds of one Atlassian account, on every connection and in every organization (an
 * accountId is one person across Atlassian, and a closed account is closed everywhere): the activities it did,
 * its name in {@code jira_user}, and the identities mapping it to a person of the product. The person record
 * itself is the product's, not Atlassian's, and stays. Each organization's audit log gets the counts only: an
 * audit record naming the account would keep the very identifier being erased.
 *
 * <p>Activities are deleted rather than kept with a blank actor: an activity is a record of what one person did
 * and when, and Ferry keeps it only to say that; without its actor it serves no reader, while its title and
 * detail (a worklog's time, the change made) still describe that person's work.
 */
@Service
public class PersonalDataEraser {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    PersonalDataEraser(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** What one erasure removed. */
    public record Erased(int activities, int names, int identities) {

        public boolean any() {
            return activities + names + identities > 0;
        }
    }

    /**
     * Erases the account everywhere, in one transaction with its audit records.
     *
     * @param actor  who asked, for the audit log ({@code atlassian} for a closed account)
     * @param reason the audit's target: the site that reported the account closed, or the request
     */
    @Transactional
    public Erased erase(String accountId, String actor, String reason) {
        Set<String> organizations = new LinkedHashSet<>();
        for (String table : new String[] {"jira_user", "person_identity"}) {
            organizations.addAll(jdbc.sql("select distinct organization_id from " + table + " where account_id = ?")
                    .param(accountId).query(String.class).list());
        }
        organizations.addAll(jdbc.sql("select distinct organization_id from activity where actor_account_id = ?")
                .param(accountId).query(String.class).list());
        Erased total = new Erased(0, 0, 0);
        for (String organization : organizations) {
            Erased erased = new Erased(
                    delete("delete from activity where organization_id = ? and actor_account_id = ?", organization, accountId),
                    delete("delete from jira_user where organization_id = ? and account_id = ?", organization, accountId),
                    delete("delete from person_identity where organization_id = ? and account_id = ?", organization,
                            accountId));
            audit.record(organization, actor, AuditAction.PERSONAL_DATA_ERASED, reason, erased.activities()
                    + " activities, " + erased.names() + " names and " + erased.identities()
                    + " person identities of one Atlassian account erased");
            total = new Erased(total.activities() + erased.activities(), total.names() + erased.names(),
                    total.identities() + erased.identities());
        }
        return total;
    }

    private int delete(String sql, String organization, String accountId) {
        return jdbc.sql(sql).param(organization).param(accountId).update();
    }
}
