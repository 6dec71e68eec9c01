package dev.ferry.callback;

import dev.ferry.link.TicketChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns a ticket's change into one message per enabled endpoint of the organization that wants it. Synchronous and
 * in the change's transaction on purpose: the message commits with the change, so a crash right after the commit
 * loses nothing, and a change rolled back sends nothing.
 */
@Component
class CallbackListener {

    private final CallbackEndpoints endpoints;
    private final CallbackOutbox outbox;

    CallbackListener(CallbackEndpoints endpoints, CallbackOutbox outbox) {
        this.endpoints = endpoints;
        this.outbox = outbox;
    }

    @EventListener
    void on(TicketChanged change) {
        CallbackEvent event = CallbackEvent.of(change.kind());
        endpoints.list(change.organizationId()).stream().filter(endpoint -> endpoint.wants(event))
                .forEach(endpoint -> outbox.enqueue(endpoint, CallbackBodies.newWebhookId(), event.type,
                        CallbackBodies.orderKey(change), CallbackBodies.of(event, change)));
    }
}
