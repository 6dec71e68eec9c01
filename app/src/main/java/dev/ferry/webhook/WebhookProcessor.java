package dev.ferry.webhook;

import java.util.Set;

/**
 * Applies one kind of Jira event. Implementations must be idempotent: a delivery may be processed
 * again when a worker dies after applying it but before recording so.
 */
public interface WebhookProcessor {

    /** The Jira event names this processor applies. */
    Set<String> events();

    void process(WebhookEvent event);

    /**
     * Applies the event and says what came of it for the delivery's outcome, when there is something to say
     * (for example "stored nothing: the site is linked to no organization"); empty otherwise.
     */
    default String processAndTell(WebhookEvent event) {
        process(event);
        return "";
    }
}
