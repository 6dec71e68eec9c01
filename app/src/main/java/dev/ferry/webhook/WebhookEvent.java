package dev.ferry.webhook;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A stored delivery whose body parsed as JSON: what processors read.
 *
 * @param event     the Jira event name (for example {@code jira:issue_updated})
 * @param timestamp when Jira says the change happened (never after the delivery was received), used to ignore
 *                  late deliveries
 */
public record WebhookEvent(String clientKey, String event, Instant timestamp, JsonNode body) {
}
