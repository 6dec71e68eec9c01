package dev.ferry.callback;

import dev.ferry.crypto.Sealed;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * One of an organization's callback endpoints.
 *
 * @param events what it hears of; never empty
 * @param secret its signing secret, sealed, bound to the row ({@link CallbackSecrets})
 */
record CallbackEndpoint(String id, String organizationId, String url, Set<CallbackEvent> events, String description,
        boolean enabled, Sealed secret, Instant createdAt, Instant updatedAt) {

    CallbackEndpoint {
        events = events.isEmpty() ? EnumSet.noneOf(CallbackEvent.class) : EnumSet.copyOf(events);
    }

    boolean wants(CallbackEvent event) {
        return enabled && events.contains(event);
    }

    CallbackEndpoint edited(String newUrl, Set<CallbackEvent> newEvents, String newDescription, boolean nowEnabled,
            Instant now) {
        return new CallbackEndpoint(id, organizationId, newUrl, newEvents, newDescription, nowEnabled, secret,
                createdAt, now);
    }

    CallbackEndpoint withSecret(Sealed newSecret, Instant now) {
        return new CallbackEndpoint(id, organizationId, url, events, description, enabled, newSecret, createdAt, now);
    }
}
