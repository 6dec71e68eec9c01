package dev.ferry.people;

import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraSite;
import dev.ferry.jira.JiraUser;
import dev.ferry.jira.JiraUsers;
import dev.ferry.site.SiteDirectory;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an email into the accountId Jira knows it by, through the user search over the connection. When the
 * search finds nobody, the first page of the site's users tells why: when not one person there shows an email
 * the site hides them all (an app without the email permission, or every profile private), so only the accountId
 * can map the person; otherwise that email is not on the site, as far as Jira will say.
 */
@Component
class EmailResolution {

    private static final Logger log = LoggerFactory.getLogger(EmailResolution.class);

    private final SiteDirectory sites;
    private final JiraUsers users;
    private final JiraUserRows rows;
    private final Clock clock;

    EmailResolution(SiteDirectory sites, JiraUsers users, JiraUserRows rows, Clock clock) {
        this.sites = sites;
        this.users = users;
        this.rows = rows;
        this.clock = clock;
    }

    /** What Jira says of the email: the account, or the state and what the admin should do. */
    Outcome resolve(String organizationId, String connection, String email) {
        JiraSite site = sites.callable(connection).orElse(null);
        if (site == null) {
            return new Outcome(null, IdentityState.PENDING, "Ferry cannot call Jira over this connection now (it is"
                    + " uninstalled or its credentials were refused): repair it, then add the email again, or give the"
                    + " person's accountId");
        }
        try {
            var found = users.byEmail(site, email);
            if (found.isPresent()) {
                rows.upsert(organizationId, connection, List.of(found.get()), clock.instant());
                return new Outcome(found.get().accountId(), IdentityState.RESOLVED, null);
            }
            if (hidesEmails(site)) {
                return new Outcome(null, IdentityState.EMAIL_HIDDEN, "Jira hides " + site.baseUrl() + "'s email"
                        + " addresses (its users' profile visibility); give the person's accountId instead");
            }
            return new Outcome(null, IdentityState.EMAIL_UNKNOWN, "No Jira account on " + site.baseUrl()
                    + " has the email " + email + ": check it or give the accountId");
        } catch (JiraException e) {
            log.info("user search on {} failed: {}", site.baseUrl(), e.getMessage());
            return new Outcome(null, IdentityState.PENDING, "Jira did not answer the user search (" + e.getMessage()
                    + "): add the email again later, or give the person's accountId");
        }
    }

    /** Whether not one person among the first users Jira lists shows an email. */
    private boolean hidesEmails(JiraSite site) {
        List<JiraUser> people = users.firstPage(site).stream().filter(u -> "atlassian".equals(u.accountType())).toList();
        return !people.isEmpty() && people.stream().allMatch(u -> u.email() == null);
    }

    /** @param accountId set when {@link IdentityState#RESOLVED} */
    record Outcome(String accountId, IdentityState state, String note) {
    }
}
