package dev.ferry.site;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Site links by clientKey; the credentials flag is written alone, so it never races a link or unlink. */
interface SiteLinkRepository extends Repository<SiteLink, String> {

    SiteLink save(SiteLink link);

    Optional<SiteLink> findById(String clientKey);

    void delete(SiteLink link);

    @Modifying
    @Query("update site_link set credentials_rejected_at = :at, credentials_error = :error where client_key = :clientKey")
    int rejectCredentials(String clientKey, Instant at, String error);

    /** Clears the flag only while the site's last install or update is still newer than the rejection. */
    @Modifying
    @Query("""
            update site_link set credentials_rejected_at = null, credentials_error = null
            where client_key = :clientKey
              and credentials_rejected_at < (select s.updated_at from site s where s.client_key = :clientKey)""")
    int clearRejectionAfterReinstall(String clientKey);
}
