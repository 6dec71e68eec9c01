package dev.ferry.destination;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Destinations, always read within one organization except by the worker. */
public interface DestinationRepository extends Repository<Destination, String> {

    Destination save(Destination destination);

    Optional<Destination> findById(String id);

    Optional<Destination> findByIdAndOrganizationId(String id, String organizationId);

    List<Destination> findByOrganizationIdOrderByCreatedAt(String organizationId);

    boolean existsByOrganizationIdAndClientKeyAndProjectKey(String organizationId, String clientKey, String projectKey);

    void delete(Destination destination);
}
