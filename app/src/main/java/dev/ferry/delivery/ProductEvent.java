package dev.ferry.delivery;

import dev.ferry.link.LinkedObject;
import dev.ferry.template.EventFacts;
import java.time.Instant;
import java.util.Map;

/** Something a product reported about one of its objects. */
record ProductEvent(String id, String organizationId, String type, Subject subject, Map<String, String> variables,
        Instant occurredAt, Instant receivedAt, String idempotencyKey) {

    /** The product object the event is about. */
    record Subject(String type, String id, String title, String url) {

        LinkedObject asLinkedObject() {
            return new LinkedObject(type, id, title, url, null);
        }
    }

    EventFacts facts() {
        return new EventFacts(type, subject.title(), subject.url(), variables, occurredAt);
    }
}
