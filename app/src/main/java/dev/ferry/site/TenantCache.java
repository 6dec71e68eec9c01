package dev.ferry.site;

import dev.ferry.connect.ConnectProperties;
import dev.ferry.connect.ConnectTenant;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Keeps recent site lookups for a short time. Another node's change to a site reaches this node within
 * the time to live; this node's own changes are seen at once because they {@link #forget} the site.
 */
@Component
class TenantCache {

    private static final int MAX_SITES = 10_000;

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final ConnectProperties properties;
    private final Clock clock;

    TenantCache(ConnectProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    Optional<ConnectTenant> get(String clientKey, Function<String, Optional<ConnectTenant>> load) {
        Instant now = clock.instant();
        Kept entry = kept.get(clientKey);
        if (entry != null && now.isBefore(entry.until())) {
            return entry.tenant();
        }
        Optional<ConnectTenant> tenant = load.apply(clientKey);
        if (!properties.tenantCacheTtl().isZero()) {
            if (kept.size() >= MAX_SITES) {
                kept.clear();
            }
            kept.put(clientKey, new Kept(tenant, now.plus(properties.tenantCacheTtl())));
        }
        return tenant;
    }

    void forget(String clientKey) {
        kept.remove(clientKey);
    }

    private record Kept(Optional<ConnectTenant> tenant, Instant until) {
    }
}
