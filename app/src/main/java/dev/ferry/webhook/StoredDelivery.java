package dev.ferry.webhook;

/** A delivery claimed from the inbox for processing. */
record StoredDelivery(long id, String clientKey, String webhookId, String event, String body, int attempts) {
}
