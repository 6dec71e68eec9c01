package dev.ferry.admin;

import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Organizations by id. */
interface OrganizationRepository extends Repository<Organization, String> {

    Organization save(Organization organization);

    Optional<Organization> findById(String id);

    Optional<Organization> findFirstByNameOrderByCreatedAt(String name);
}
