package dev.ferry.webhook;

import java.time.Instant;

/**
 * A webhook as received, before anything in its body is trusted or read.
 *
 * @param webhookId  Jira's {@code X-Atlassian-Webhook-Identifier}: the same on every retry of one delivery
 * @param event      the event its URL was declared for, or {@code unknown:<slug>}
 * @param retryCount Jira's {@code X-Atlassian-Webhook-Retry}, 0 on the first attempt
 */
record InboundDelivery(String clientKey, String webhookId, String event, String body, int retryCount,
        Instant receivedAt) {
}
