package dev.ferry.template;

import java.time.Instant;
import java.util.Map;

/** What a ticket's text is made from: one product event about one object. */
public record EventFacts(String eventType, String subjectTitle, String subjectUrl, Map<String, String> variables,
        Instant occurredAt) {
}
