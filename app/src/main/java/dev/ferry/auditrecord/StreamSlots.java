package dev.ferry.auditrecord;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How many follow streams and long polls each organization holds open: each holds a connection (a long poll also a
 * request thread), so one organization's forwarders may hold {@code max-streams-per-organization} of them and no
 * more; one more is answered 429.
 */
@Component
class StreamSlots {

    private final Map<String, Integer> taken = new HashMap<>();
    private final AuditRecordsProperties properties;

    StreamSlots(AuditRecordsProperties properties) {
        this.properties = properties;
    }

    /** Takes a slot, or refuses with {@link TooManyStreams}; give it back with {@link #release}. */
    synchronized void take(String organizationId) {
        int held = taken.getOrDefault(organizationId, 0);
        if (held >= properties.maxStreamsPerOrganization()) {
            throw new TooManyStreams(properties.maxStreamsPerOrganization());
        }
        taken.put(organizationId, held + 1);
    }

    synchronized void release(String organizationId) {
        taken.computeIfPresent(organizationId, (id, held) -> held > 1 ? held - 1 : null);
    }

    synchronized int held(String organizationId) {
        return taken.getOrDefault(organizationId, 0);
    }
}
