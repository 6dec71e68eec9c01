package dev.ferry.webhook;

import java.time.Instant;

/** A delivery claimed from the inbox for processing; {@code receivedAt} is when this node stored it. */
record StoredDelivery(long id, String clientKey, String webhookId, String event, String body, int attempts,
        Instant receivedAt) {
}
