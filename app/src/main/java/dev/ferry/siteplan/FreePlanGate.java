package dev.ferry.siteplan;

import dev.ferry.admin.OrganizationSettings;
import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraLicense;
import dev.ferry.jira.JiraLicenses;
import dev.ferry.jira.JiraSite;
import dev.ferry.refusal.Refusal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one check every way of linking a site makes (an install's confirmation, an API-token or OAuth connection):
 * a site on Jira's Free plan is refused when the organization does not allow such sites. Jira is asked only then.
 */
@Service
public class FreePlanGate {

    /** The refusal's title, so pages that show it in their own words can tell it from other conflicts. */
    public static final String TITLE = "Site on Jira's Free plan";
    private static final Logger log = LoggerFactory.getLogger(FreePlanGate.class);

    private final OrganizationSettings settings;
    private final JiraLicenses licenses;
    private final AuditLog audit;
    private final TransactionTemplate ownTransaction;

    FreePlanGate(OrganizationSettings settings, JiraLicenses licenses, AuditLog audit,
            PlatformTransactionManager transactions) {
        this.settings = settings;
        this.licenses = licenses;
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        // The refusal rolls back the caller's transaction; its audit record must outlive that.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Refuses a Free site the organization does not allow ({@link Refusal.Kind#CONFLICT}, audited
     * {@code SITE_LINK_REFUSED_FREE_PLAN}). When Jira will not tell the plan (no permission, an OAuth grant without
     * a license scope, Jira down) the site is not refused: a note says so, for the caller to show or log.
     *
     * @param target what the audit record names: the install's clientKey, or the site URL of a connection to be
     */
    public Optional<String> check(String organizationId, String actor, JiraSite site, String target) {
        if (settings.allowsFreePlanSites(organizationId)) {
            return Optional.empty();
        }
        JiraLicense license;
        try {
            license = licenses.of(site);
        } catch (JiraException e) {
            log.warn("the plan of {} could not be read ({}); linking it for organization {} without the Free-plan check",
                    site.baseUrl(), e.getMessage(), organizationId);
            return Optional.of("Jira did not tell the site's plan (" + e.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + (e.jiraMessage().isBlank() ? "" : ": " + e.jiraMessage()) + "), so it was linked without the"
                    + " Free-plan check.");
        }
        if (license.free()) {
            ownTransaction.executeWithoutResult(status -> audit.record(organizationId, actor,
                    AuditAction.SITE_LINK_REFUSED_FREE_PLAN, target, site.baseUrl() + ": " + license.describe()));
            log.info("organization {} refused {}: Jira's Free plan ({})", organizationId, site.baseUrl(), license.describe());
            throw new Refusal(Refusal.Kind.CONFLICT, TITLE, "The site " + site.baseUrl() + " is on Jira's Free plan ("
                    + license.describe() + "), and this organization's setting \"Allow sites on Jira's Free plan\" is"
                    + " off, so it cannot be linked. Nothing was linked. An Admin of the organization can turn the"
                    + " setting on (Settings in Ferry's console, or PATCH /api/v1/organization/settings with"
                    + " {\"allowFreePlanSites\": true}), or the site can move to a paid Jira plan.");
        }
        return Optional.empty();
    }
}
