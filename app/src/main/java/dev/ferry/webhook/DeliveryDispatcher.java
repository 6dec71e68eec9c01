package dev.ferry.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a stored delivery's body and hands it to every processor of its event (links follow an issue event, and
 * activity ingest stores it too); each is idempotent, so a delivery processed again after a crash changes nothing.
 */
@Component
class DeliveryDispatcher {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, List<WebhookProcessor>> byEvent = new HashMap<>();

    DeliveryDispatcher(List<WebhookProcessor> processors) {
        processors.forEach(processor -> processor.events()
                .forEach(event -> byEvent.computeIfAbsent(event, any -> new ArrayList<>()).add(processor)));
    }

    /** Returns what was done; throws {@link RejectedDeliveryException} for input that can never be applied. */
    String dispatch(StoredDelivery delivery) {
        if (delivery.event().startsWith("unknown:")) {
            throw new RejectedDeliveryException("no webhook is declared at /webhooks/" + delivery.event().substring(8));
        }
        WebhookEvent event = parse(delivery);
        List<WebhookProcessor> processors = byEvent.getOrDefault(delivery.event(), List.of());
        if (processors.isEmpty()) {
            return "stored; nothing processes " + delivery.event() + " yet";
        }
        StringBuilder outcome = new StringBuilder("processed ").append(delivery.event());
        for (WebhookProcessor processor : processors) {
            String told = processor.processAndTell(event);
            if (told != null && !told.isBlank()) {
                outcome.append("; ").append(told);
            }
        }
        return outcome.toString();
    }

    private static WebhookEvent parse(StoredDelivery delivery) {
        JsonNode body;
        try {
            body = JSON.readTree(delivery.body());
        } catch (JacksonException e) {
            throw new RejectedDeliveryException("the body is not JSON");
        }
        if (body == null || !body.isObject()) {
            throw new RejectedDeliveryException("the body is not a JSON object");
        }
        JsonNode timestamp = body.get("timestamp");
        if (timestamp == null || !timestamp.isIntegralNumber() || !timestamp.canConvertToLong() || timestamp.asLong() < 0) {
            throw new RejectedDeliveryException("the body has no timestamp in epoch milliseconds");
        }
        String declared = body.path("webhookEvent").asString("");
        if (!declared.isEmpty() && !declared.equals(delivery.event())) {
            throw new RejectedDeliveryException("webhookEvent " + declared + " arrived at the " + delivery.event() + " URL");
        }
        return new WebhookEvent(delivery.clientKey(), delivery.event(), happenedAt(timestamp.asLong(), delivery), body);
    }

    /**
     * Jira's timestamp, but never later than the delivery's receipt: a change cannot happen after Jira sent
     * it, and a timestamp from a clock running ahead would otherwise hold back every later event until then.
     */
    private static Instant happenedAt(long epochMillis, StoredDelivery delivery) {
        Instant stated = Instant.ofEpochMilli(epochMillis);
        return stated.isAfter(delivery.receivedAt()) ? delivery.receivedAt() : stated;
    }
}
