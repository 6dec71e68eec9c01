package dev.ferry.intake;

import dev.ferry.delivery.DeliveryView;
import dev.ferry.delivery.Outbox;
import dev.ferry.event.EventRequest;
import dev.ferry.event.ProductEvent;
import dev.ferry.event.ProductEvents;
import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import dev.ferry.refusal.Refusal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Product events in, and what became of them. */
@RestController
class EventController {

    private final EventIntake intake;
    private final ProductEvents events;
    private final Outbox outbox;

    EventController(EventIntake intake, ProductEvents events, Outbox outbox) {
        this.intake = intake;
        this.events = events;
        this.outbox = outbox;
    }

    /**
     * The answer to a post: the event's id, whether it was a repeat, how many destinations will get it, and
     * the destinations that want it but get nothing, each with why ({@code site not linked}: its site was
     * disconnected; the event is not filed there later, even once the site is linked again).
     */
    record Receipt(String id, boolean duplicate, int deliveries, List<EventIntake.Skipped> skipped) {
    }

    /** An event with its deliveries; {@code outcome} sums them up. */
    record EventBody(String id, String type, ProductEvent.Subject subject, Map<String, String> variables,
            Instant occurredAt, Instant receivedAt, String idempotencyKey, String outcome,
            List<DeliveryView> deliveries) {
    }

    @PostMapping("/api/v1/events")
    @RequiresScope(ApiScope.EVENTS_WRITE)
    ResponseEntity<Receipt> post(ApiCaller caller, @RequestBody EventRequest request) {
        EventIntake.Accepted accepted = intake.accept(caller, request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/events/" + accepted.event().id()))
                .body(new Receipt(accepted.event().id(), accepted.duplicate(), accepted.deliveries(), accepted.skipped()));
    }

    @GetMapping("/api/v1/events/{id}")
    @RequiresScope(ApiScope.EVENTS_READ)
    EventBody get(ApiCaller caller, @PathVariable String id) {
        ProductEvent event = events.find(caller.organizationId(), id)
                .orElseThrow(() -> Refusal.notFound("no event " + id));
        List<DeliveryView> deliveries = outbox.forEvent(id);
        return new EventBody(event.id(), event.type(), event.subject(), event.variables(), event.occurredAt(),
                event.receivedAt(), event.idempotencyKey(), outcome(deliveries), deliveries);
    }

    /**
     * {@code no-destination}, {@code pending}, {@code delivered}, {@code failed}, or {@code skipped} when
     * every delivery ended without a ticket (rule switched off, destination deleted, site disconnected).
     */
    private static String outcome(List<DeliveryView> deliveries) {
        if (deliveries.isEmpty()) {
            return "no-destination";
        }
        if (deliveries.stream().anyMatch(d -> "PENDING".equals(d.status()) || "WAITING".equals(d.status()))) {
            return "pending";
        }
        if (deliveries.stream().anyMatch(d -> "FAILED".equals(d.status()))) {
            return "failed";
        }
        return deliveries.stream().allMatch(d -> "SKIPPED".equals(d.status())) ? "skipped" : "delivered";
    }
}
