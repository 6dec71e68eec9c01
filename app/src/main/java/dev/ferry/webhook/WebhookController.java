package dev.ferry.webhook;

import dev.ferry.connect.ConnectJwt;
import dev.ferry.connect.ConnectPrincipal;
import dev.ferry.connect.Fingerprint;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Jira's webhooks: verify (done by the gate), store, answer. Nothing else happens before the answer,
 * so Jira never times out and retries a delivery that was in fact received.
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    private static final int MAX_ID_LENGTH = 255;

    private final Inbox inbox;
    private final WebhookRoutes routes;
    private final Clock clock;

    WebhookController(Inbox inbox, WebhookRoutes routes, Clock clock) {
        this.inbox = inbox;
        this.routes = routes;
        this.clock = clock;
    }

    @PostMapping(WebhookRoutes.PREFIX + "{slug}")
    @ConnectJwt
    ResponseEntity<Void> receive(@PathVariable String slug, ConnectPrincipal principal,
            @RequestHeader(name = "X-Atlassian-Webhook-Identifier", required = false) String webhookId,
            @RequestHeader(name = "X-Atlassian-Webhook-Retry", required = false) String retry,
            @RequestBody(required = false) String body) {
        String text = body == null ? "" : body;
        String event = routes.eventFor(slug).orElse("unknown:" + slug);
        // Jira always sends an identifier; without one, the same body is the same delivery.
        String id = webhookId != null && !webhookId.isBlank() ? webhookId : "sha256:" + Fingerprint.of(slug + "\n" + text);
        if (id.length() > MAX_ID_LENGTH) {
            id = "sha256:" + Fingerprint.of(id);
        }
        boolean stored = inbox.store(new InboundDelivery(principal.clientKey(), id, event, text, retries(retry),
                clock.instant()));
        if (!stored) {
            log.debug("webhook {} from {} already stored", id, principal.clientKey());
        }
        return ResponseEntity.noContent().build();
    }

    private static int retries(String header) {
        try {
            return header == null ? 0 : Math.max(0, Integer.parseInt(header.trim()));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
