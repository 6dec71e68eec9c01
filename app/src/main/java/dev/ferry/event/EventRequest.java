package dev.ferry.event;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/events}.
 *
 * @param variables       scalar values only (text, numbers, booleans); they fill the rule's templates
 * @param occurredAt      when it happened in the product (an ISO-8601 instant, or epoch seconds), from 1970
 *                        to 9999; now when absent. Read by {@link EventTimes}, so an out-of-range number is
 *                        refused rather than turned into some other instant.
 * @param idempotencyKey  the same key twice is one event
 */
public record EventRequest(String type, SubjectBody subject, Map<String, JsonNode> variables,
        @Schema(type = "string", format = "date-time") JsonNode occurredAt,
        String idempotencyKey) {

    /** The object the event is about. */
    public record SubjectBody(String type, String id, String title, String url) {
    }
}
