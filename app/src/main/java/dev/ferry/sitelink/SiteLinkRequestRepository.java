package dev.ferry.sitelink;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Link requests by id, by organization, by site, and those waiting for a site's install. */
interface SiteLinkRequestRepository extends Repository<SiteLinkRequest, Long> {

    SiteLinkRequest save(SiteLinkRequest request);

    Optional<SiteLinkRequest> findById(Long id);

    @Query("""
            select * from site_link_request where organization_id = :organizationId
            and state in ('AWAITING_INSTALL', 'PENDING') order by requested_at, id""")
    List<SiteLinkRequest> findOpenOf(String organizationId);

    /** Declined requests the organization may still want to see: those whose time had not run out yet. */
    @Query("""
            select * from site_link_request where organization_id = :organizationId and state = 'DECLINED'
            and expires_at > :now order by closed_at, id""")
    List<SiteLinkRequest> findDeclinedOf(String organizationId, Instant now);

    @Query("""
            select * from site_link_request where client_key = :clientKey and state = 'PENDING'
            order by requested_at, id""")
    List<SiteLinkRequest> findPendingFor(String clientKey);

    /** Requests waiting for an install, matched by the site's base or display URL (lower case) or its cloudId. */
    @Query("""
            select * from site_link_request where state = 'AWAITING_INSTALL'
            and (site_url in (:baseUrl, :displayUrl) or cloud_id = :cloudId)""")
    List<SiteLinkRequest> findAwaitingInstall(String baseUrl, String displayUrl, String cloudId);
}
