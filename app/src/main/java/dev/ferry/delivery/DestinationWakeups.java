package dev.ferry.delivery;

import dev.ferry.destination.DestinationActive;
import dev.ferry.sitelink.CredentialsRenewed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Parked deliveries are due at once when what parked them is fixed, in the transaction that fixed it: a
 * repaired destination, or new credentials for a site (a re-install, a replaced token, a reconnect).
 */
@Component
class DestinationWakeups {

    private final Outbox outbox;

    DestinationWakeups(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(DestinationActive active) {
        outbox.wake(active.destinationId());
    }

    @EventListener
    void on(CredentialsRenewed renewed) {
        outbox.wakeSite(renewed.clientKey());
    }
}
