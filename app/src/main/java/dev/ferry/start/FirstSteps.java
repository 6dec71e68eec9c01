package dev.ferry.start;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far an organization has come, read from its own data: a linked site, a destination, an API key that
 * works, an event received. Four yes-or-no questions in one query; nothing is stored about the checklist, so
 * it can never disagree with what exists (a site unlinked again unticks its step).
 */
@Component
class FirstSteps {

    private final JdbcClient jdbc;

    FirstSteps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where one organization stands. */
    record Progress(boolean siteLinked, boolean destinationAdded, boolean keyCreated, boolean eventReceived) {

        boolean allDone() {
            return siteLinked && destinationAdded && keyCreated && eventReceived;
        }
    }

    Progress of(String organizationId) {
        return jdbc.sql("""
                select
                  case when exists (select 1 from site_link where organization_id = :org) then 1 else 0 end as sites,
                  case when exists (select 1 from destination where organization_id = :org) then 1 else 0 end as destinations,
                  case when exists (select 1 from api_key where organization_id = :org and revoked_at is null)
                    then 1 else 0 end as api_keys,
                  case when exists (select 1 from product_event where organization_id = :org) then 1 else 0 end as events""")
                .param("org", organizationId)
                .query((rs, row) -> new Progress(rs.getInt("sites") == 1, rs.getInt("destinations") == 1,
                        rs.getInt("api_keys") == 1, rs.getInt("events") == 1))
                .single();
    }
}
