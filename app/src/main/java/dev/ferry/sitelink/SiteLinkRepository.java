package dev.ferry.sitelink;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Site links by clientKey; the credentials flag is written alone, so it never races a link or unlink. */
interface SiteLinkRepository extends Repository<SiteLink, String> {

    SiteLink save(SiteLink link);

    Optional<SiteLink> findById(String clientKey);

    void delete(SiteLink link);

    /** The time is the database's, one clock for every node: a node whose clock is off cannot date it wrongly. */
    @Modifying
    @Query("""
            update site_link set credentials_rejected_at = current_timestamp, credentials_error = :error
            where client_key = :clientKey""")
    int rejectCredentials(String clientKey, String error);

    /** Jira sent {@code installed} (a fresh secret): whatever was rejected before no longer is, whatever its time. */
    @Modifying
    @Query("""
            update site_link set credentials_rejected_at = null, credentials_error = null
            where client_key = :clientKey and credentials_rejected_at is not null""")
    int clearRejection(String clientKey);

    @Query("select count(*) from site_link where client_key = :clientKey and credentials_rejected_at is not null")
    long countRejected(String clientKey);
}
