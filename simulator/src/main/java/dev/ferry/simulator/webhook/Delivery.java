package dev.ferry.simulator.webhook;

/**
 * One webhook delivery: its identifier stays the same across retries and duplicates.
 *
 * @param attempts how many times it was sent so far; the next retry carries this as {@code X-Atlassian-Webhook-Retry}
 */
public record Delivery(String identifier, String event, String url, String body, int attempts) {

    Delivery sent() {
        return new Delivery(identifier, event, url, body, attempts + 1);
    }
}
