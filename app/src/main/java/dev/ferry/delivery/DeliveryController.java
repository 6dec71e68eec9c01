package dev.ferry.delivery;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organization's deliveries through the product API: the log, and sending one that is not final again now. */
@RestController
class DeliveryController {

    private final DeliveryRetries retries;
    private final DeliveryLog log;

    DeliveryController(DeliveryRetries retries, DeliveryLog log) {
        this.retries = retries;
        this.log = log;
    }

    /** The organization's recent deliveries. */
    record DeliveryList(List<DeliveryLog.Entry> deliveries) {
    }

    /** Newest first; {@code status}: PENDING, WAITING, DONE, FAILED or SKIPPED; {@code limit} 1 to 500 (default 100). */
    @GetMapping("/api/v1/deliveries")
    @RequiresScope(ApiScope.EVENTS_READ)
    DeliveryList deliveries(ApiCaller caller, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") int limit) {
        return new DeliveryList(log.recent(caller.organizationId(), status, limit));
    }

    /** A pending, waiting or failed delivery goes out now (202); a done or skipped one is refused (409). */
    @PostMapping("/api/v1/deliveries/{id}/retry")
    @RequiresScope(ApiScope.EVENTS_WRITE)
    ResponseEntity<Void> retry(ApiCaller caller, @PathVariable long id) {
        retries.retry(caller.organizationId(), id);
        return ResponseEntity.accepted().build();
    }
}
