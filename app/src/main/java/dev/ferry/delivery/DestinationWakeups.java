package dev.ferry.delivery;

import dev.ferry.destination.DestinationActive;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A repaired destination's parked deliveries are due at once, in the transaction that repaired it. */
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
}
