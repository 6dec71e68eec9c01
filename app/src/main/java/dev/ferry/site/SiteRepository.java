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
}
