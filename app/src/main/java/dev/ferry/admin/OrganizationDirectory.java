package dev.ferry.admin;

import java.util.Optional;
import org.springframework.stereotype.Service;

/** Looks organizations up for other packages (the admin UI names the signed-in person's organization). */
@Service
public class OrganizationDirectory {

    private final OrganizationRepository organizations;

    OrganizationDirectory(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    /** The organization's name, or empty when there is no such organization. */
    public Optional<String> name(String organizationId) {
        return organizations.findById(organizationId).map(Organization::name);
    }

    /** The id of the oldest organization with exactly this name, or empty. */
    public Optional<String> idNamed(String name) {
        return organizations.findFirstByNameOrderByCreatedAt(name).map(Organization::getId);
    }
}
