package dev.ferry.site;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Site records by clientKey. */
public interface SiteRepository extends Repository<Site, String> {

    Optional<Site> findById(String clientKey);

    Site save(Site site);

    @Query("select * from site where base_url = :baseUrl and client_key <> :clientKey")
    List<Site> findOthersWithBaseUrl(String baseUrl, String clientKey);

    @Query("select * from site where cloud_id = :cloudId and state <> 'UNINSTALLED' order by updated_at desc")
    List<Site> findInstalledByCloudId(String cloudId);

    /** By a lower-case site URL; a site import leaves two rows with one URL, so the latest comes first. */
    @Query("""
            select * from site where (lower(base_url) = :url or lower(display_url) = :url) and state <> 'UNINSTALLED'
            order by updated_at desc""")
    List<Site> findInstalledByUrl(String url);

    /** By the Forge installation a Connect-on-Forge install named, as its ARI or bare uuid. */
    @Query("select * from site where installation_id = :ari or installation_id = :uuid order by updated_at desc")
    List<Site> findByInstallationId(String ari, String uuid);

    @Query("select * from site where cloud_id = :cloudId order by updated_at desc")
    List<Site> findByCloudId(String cloudId);

    @Query("select * from site where lower(base_url) = :url or lower(display_url) = :url order by updated_at desc")
    List<Site> findByUrl(String url);
}
