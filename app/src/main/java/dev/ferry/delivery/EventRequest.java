package dev.ferry.delivery;

import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/events}.
 *
 * @param variables       scalar values only (text, numbers, booleans); they fill the rule's templates
 * @param occurredAt      when it happened in the product; now when absent
 * @param idempotencyKey  the same key twice is one event
 */
record EventRequest(String type, SubjectBody subject, Map<String, JsonNode> variables, Instant occurredAt,
        String idempotencyKey) {

    /** The object the event is about. */
    record SubjectBody(String type, String id, String title, String url) {
    }
}
