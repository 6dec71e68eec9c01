package dev.ferry.site;

import dev.ferry.connect.ConnectProperties;
import dev.ferry.connect.ConnectTenant;
import dev.ferry.persistence.KeptLookups;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Keeps recent site lookups for {@code ferry.connect.tenant-cache-ttl}. Another node's change to a site reaches this
 * node within the time to live; this node's own changes are seen at once because they {@link #forget} the site.
 */
@Component
class TenantCache {

    private final KeptLookups<ConnectTenant> kept;

    TenantCache(ConnectProperties properties, Clock clock) {
        this.kept = new KeptLookups<>(properties::tenantCacheTtl, clock);
    }

    Optional<ConnectTenant> get(String clientKey, Function<String, Optional<ConnectTenant>> load) {
        return kept.get(clientKey, load);
    }

    void forget(String clientKey) {
        kept.forget(clientKey);
    }
}
