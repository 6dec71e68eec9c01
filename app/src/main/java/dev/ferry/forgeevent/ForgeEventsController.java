package dev.ferry.forgeevent;

import dev.ferry.forge.ForgeCall;
import dev.ferry.refusal.Refusal;
import dev.ferry.webhook.InboxIntake;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forge's Jira event trigger, sent to Ferry's remote: stored in the webhook inbox, answered 202 only once the
 * delivery is committed (Forge waits 5 s, then retries up to four times; a retry is stored once). The gate has
 * verified the Forge Invocation Token; Ferry's body limit and NUL refusal apply as to any body. Nothing is
 * processed before the answer.
 */
@RestController
class ForgeEventsController {

    private static final Logger log = LoggerFactory.getLogger(ForgeEventsController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * Forge gives up on the call after 5 s and sends the event again: waiting longer for the inbox would only answer
     * nobody. A delivery stored after this answer is found again by its id on the retry.
     */
    private static final Duration FORGE_WAIT = Duration.ofMillis(4500);

    private final InboxIntake inbox;
    private final Clock clock;

    ForgeEventsController(InboxIntake inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @PostMapping("/forge/events")
    CompletableFuture<ResponseEntity<ProblemDetail>> receive(ForgeCall call, @RequestBody String text) {
        JsonNode event = parse(text);
        if (call.siteKey() == null) {
            // The installation's avi:forge:installed:app is not handled yet. A 409 makes Forge send the event again
            // later, by when the site is known; stored now, it could only be keyed on an installation no
            // processor can read a site from.
            throw Refusal.conflict("Ferry does not know this Forge installation's site yet; send the event again");
        }
        String forgeEvent = event.path("eventType").asString("");
        String connectEvent = ForgeEventNames.connectEvent(forgeEvent, event).orElse("unknown:" + forgeEvent);
        String body = JSON.writeValueAsString(ConnectShape.of(connectEvent, forgeEvent, event, clock.instant()));
        String deliveryId = ForgeDeliveryId.of(event);
        return inbox.submit(call.siteKey(), deliveryId, connectEvent, body)
                .orTimeout(storeWait().toMillis(), TimeUnit.MILLISECONDS)
                .handle((stored, notStored) -> answer(deliveryId, call.siteKey(), notStored));
    }

    private Duration storeWait() {
        return inbox.storeTimeout().compareTo(FORGE_WAIT) < 0 ? inbox.storeTimeout() : FORGE_WAIT;
    }

    private static ResponseEntity<ProblemDetail> answer(String deliveryId, String siteKey, Throwable notStored) {
        if (notStored == null) {
            return ResponseEntity.accepted().build();
        }
        log.warn("Forge event {} of site {} not stored: {}", deliveryId, siteKey, notStored.toString());
        // Retryable on purpose: nothing was stored, and Forge sends the event again.
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the event could not be stored in time; Forge sends it again");
        problem.setTitle(InboxIntake.notStoredTitle());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    private static JsonNode parse(String text) {
        JsonNode event;
        try {
            event = JSON.readTree(text);
        } catch (JacksonException e) {
            throw Refusal.invalid("the body is not JSON");
        }
        if (event == null || !event.isObject()) {
            throw Refusal.invalid("the body is not a JSON object");
        }
        if (!event.path("eventType").isString() || event.path("eventType").asString().isBlank()) {
            throw Refusal.invalid("the body names no eventType");
        }
        return event;
    }
}
