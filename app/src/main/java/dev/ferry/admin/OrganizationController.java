package dev.ferry.admin;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The operator's bootstrap: creates an organization and hands back its first API key, once. */
@RestController
class OrganizationController {

    private final Onboarding onboarding;

    OrganizationController(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    /** The first key's text is in this answer only, so no cache may keep it. */
    @PostMapping(AdminWebConfig.ORGANIZATIONS)
    @ApiResponse(responseCode = "201", description = "The organization and its first key, its text shown this once",
            content = @Content(schema = @Schema(implementation = Created.class)))
    ResponseEntity<Created> create(@RequestBody NewOrganization body) {
        Onboarded onboarded = onboarding.create(body.name(), body.preset());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new Created(new OrganizationBody(onboarded.organizationId(), onboarded.name(),
                        onboarded.createdAt()), onboarded.apiKey()));
    }

    /** @param preset {@code experimentation} (the default) or {@code none} */
    record NewOrganization(String name, String preset) {
    }

    record OrganizationBody(String id, String name, Instant createdAt) {
    }

    record Created(OrganizationBody organization, IssuedKey apiKey) {
    }
}
