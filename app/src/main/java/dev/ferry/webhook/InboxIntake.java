package dev.ferry.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * The inbox's door for deliveries that do not arrive as Connect webhooks (Forge's product events): the caller has
 * authenticated the sender, read the body within Ferry's limit and refused a NUL; this stores it under the same
 * dedupe key as a Connect delivery (site, delivery id), for the same workers and processors.
 */
@Component
public class InboxIntake {

    private final Inbox inbox;
    private final Clock clock;
    private final Duration storeTimeout;

    InboxIntake(Inbox inbox, Clock clock, WebhookProperties properties) {
        this.inbox = inbox;
        this.clock = clock;
        this.storeTimeout = properties.storeTimeout();
    }

    /**
     * Queues the delivery; the future completes once it is committed (true: stored now, false: stored before under
     * this id), or exceptionally when it could not be stored, which the sender should be told to retry.
     *
     * @param deliveryId the same on every retry of one delivery, at most 255 characters
     * @param event      the Connect event name its processors know ({@code jira:issue_updated}), or
     *                   {@code unknown:<name>} to keep a delivery nothing processes, as the Connect receiver does
     * @param body       a Connect-webhook-shaped JSON body, with {@code timestamp} in epoch milliseconds
     */
    public CompletableFuture<Boolean> submit(String clientKey, String deliveryId, String event, String body) {
        if (deliveryId.length() > 255) {
            throw new IllegalArgumentException("a delivery id is at most 255 characters");
        }
        return inbox.submit(new InboundDelivery(clientKey, deliveryId, event, body, 0, clock.instant()));
    }

    /** How long a delivery may wait to be stored before its sender is told it was not. */
    public Duration storeTimeout() {
        return storeTimeout;
    }

    /** The title of an answer telling the sender the delivery was not stored and should be sent again. */
    public static String notStoredTitle() {
        return DeliveryAnswer.NOT_STORED;
    }
}
