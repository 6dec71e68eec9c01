package dev.ferry.admin;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import dev.ferry.refusal.InvalidBody;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's organization's settings: read with config:read, changed with config:write. */
@RestController
class OrganizationSettingsController {

    static final String PATH = "/api/v1/organization/settings";

    private final OrganizationSettings settings;

    OrganizationSettingsController(OrganizationSettings settings) {
        this.settings = settings;
    }

    /** @param allowFreePlanSites whether a Jira site on Jira's Free plan may be linked (default true) */
    record SettingsBody(Boolean allowFreePlanSites) {

        static SettingsBody of(OrganizationSettings.Settings settings) {
            return new SettingsBody(settings.allowFreePlanSites());
        }
    }

    @GetMapping(PATH)
    @RequiresScope(ApiScope.CONFIG_READ)
    SettingsBody get(ApiCaller caller) {
        return SettingsBody.of(settings.of(caller.organizationId()));
    }

    /** Sets the fields given; a body naming none of them is refused, since it would change nothing by mistake. */
    @PatchMapping(PATH)
    @RequiresScope(ApiScope.CONFIG_WRITE)
    SettingsBody patch(ApiCaller caller, @RequestBody SettingsBody body) {
        if (body == null || body.allowFreePlanSites() == null) {
            throw InvalidBody.of("/allowFreePlanSites", "allowFreePlanSites is required: true or false");
        }
        return SettingsBody.of(settings.update(caller, body.allowFreePlanSites()));
    }
}
