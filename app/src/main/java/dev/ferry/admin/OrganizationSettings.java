package dev.ferry.admin;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.principal.Caller;
import dev.ferry.refusal.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An organization's own settings, read by the rooms they govern and changed by its Admins or a config key. */
@Service
public class OrganizationSettings {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    OrganizationSettings(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The settings as they are now. */
    public record Settings(boolean allowFreePlanSites) {
    }

    public Settings of(String organizationId) {
        return jdbc.sql("select allow_free_plan_sites from organization where id = ?").param(organizationId)
                .query((rs, row) -> new Settings(rs.getBoolean(1))).optional()
                .orElseThrow(() -> Refusal.notFound("no organization " + organizationId));
    }

    /** Whether a site on Jira's Free plan may be linked to the organization (the default: yes). */
    public boolean allowsFreePlanSites(String organizationId) {
        return of(organizationId).allowFreePlanSites();
    }

    /** Changes what is given (null: leave as is); a real change is audited with its before and after. */
    @Transactional
    public Settings update(Caller caller, Boolean allowFreePlanSites) {
        Settings before = of(caller.organizationId());
        if (allowFreePlanSites == null || allowFreePlanSites == before.allowFreePlanSites()) {
            return before;
        }
        jdbc.sql("update organization set allow_free_plan_sites = ? where id = ?")
                .params(allowFreePlanSites, caller.organizationId()).update();
        audit.record(caller.organizationId(), caller.actor(), AuditAction.ORGANIZATION_SETTINGS_UPDATED, "organization",
                "allow sites on Jira's Free plan " + before.allowFreePlanSites() + " -> " + allowFreePlanSites);
        return new Settings(allowFreePlanSites);
    }
}
