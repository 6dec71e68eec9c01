package dev.ferry.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** API keys by id, by organization and by the hash of their secret. */
interface ApiKeyRepository extends Repository<ApiKey, String> {

    ApiKey save(ApiKey key);

    Optional<ApiKey> findById(String id);

    Optional<ApiKey> findBySecretHash(String secretHash);

    List<ApiKey> findByOrganizationIdOrderByCreatedAtDesc(String organizationId);

    /**
     * Writes only the last-used time, and only when it is older than {@code cutoff}: concurrent calls on
     * any node then write it at most about once per interval and never overwrite a revocation.
     */
    @Modifying
    @Query("update api_key set last_used_at = :now where id = :id and (last_used_at is null or last_used_at < :cutoff)")
    int touch(String id, Instant now, Instant cutoff);
}
