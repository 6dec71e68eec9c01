package dev.ferry.event;

import dev.ferry.template.EventFacts;
import java.time.Instant;
import java.util.Map;

/** Something a product reported about one of its objects. */
public record ProductEvent(String id, String organizationId, String type, Subject subject, Map<String, String> variables,
        Instant occurredAt, Instant receivedAt, String idempotencyKey) {

    /** The product object the event is about. */
    public record Subject(String type, String id, String title, String url) {
    }

    public EventFacts facts() {
        return new EventFacts(type, subject.title(), subject.url(), variables, occurredAt);
    }
}
