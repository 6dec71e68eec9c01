package dev.ferry.delivery;

import dev.ferry.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * A person's "send it now", for the product API and the console alike: a delivery that is not final goes out
 * at once; a done or skipped one is refused, as is one of another organization.
 */
@Component
class DeliveryRetries {

    private final Outbox outbox;

    DeliveryRetries(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Refuses with 409 a final delivery and with 404 an unknown one; otherwise says whether a worker already has it. */
    Outbox.Retry retry(String organizationId, long id) {
        Outbox.Retry retry = outbox.retry(organizationId, id);
        return switch (retry) {
            case FINAL -> throw Refusal.conflict("delivery " + id
                    + " is finished (done or skipped): there is nothing to send again");
            case NOT_FOUND -> throw Refusal.notFound("no delivery " + id + " in this organization");
            default -> retry;
        };
    }
}
