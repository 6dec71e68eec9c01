package dev.ferry.destination;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/**
 * Destinations, always read within one organization except by the worker. Deleted destinations are read
 * only by id (the worker, the delivery log): every organization-wide read leaves them out.
 */
public interface DestinationRepository extends Repository<Destination, String> {

    Destination save(Destination destination);

    Optional<Destination> findById(String id);

    Optional<Destination> findByIdAndOrganizationIdAndDeletedAtIsNull(String id, String organizationId);

    List<Destination> findByOrganizationIdAndDeletedAtIsNullOrderByCreatedAt(String organizationId);

    boolean existsByOrganizationIdAndClientKeyAndProjectKeyAndDeletedAtIsNull(String organizationId, String clientKey,
            String projectKey);
}
