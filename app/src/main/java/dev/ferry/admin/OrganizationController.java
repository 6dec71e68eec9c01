package dev.ferry.admin;

import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator's bootstrap: creates an organization and hands back its first API key, once. */
@RestController
class OrganizationController {

    private final Onboarding onboarding;

    OrganizationController(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    @PostMapping(AdminWebConfig.ORGANIZATIONS)
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody NewOrganization body) {
        Onboarded onboarded = onboarding.create(body.name(), body.preset());
        return new Created(new OrganizationBody(onboarded.organizationId(), onboarded.name(), onboarded.createdAt()),
                onboarded.apiKey());
    }

    /** @param preset {@code experimentation} (the default) or {@code none} */
    record NewOrganization(String name, String preset) {
    }

    record OrganizationBody(String id, String name, Instant createdAt) {
    }

    record Created(OrganizationBody organization, IssuedKey apiKey) {
    }
}
