package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * What one request for audit records asks: created in [from, to] (epoch millis, both inclusive), every filter
 * word found somewhere in the record, and a page of it.
 *
 * @param words lower-case filter words; empty matches every record
 */
record AuditQuery(long from, long to, List<String> words, long offset, int limit) {

    static List<String> words(String filter) {
        if (filter == null || filter.isBlank()) {
            return List.of();
        }
        return List.of(filter.strip().toLowerCase(Locale.ROOT).split("\\s+"));
    }

    /**
     * Jira's rule: each word matches (case-insensitively, anywhere) at least one of summary, category, eventSource,
     * objectItem's name, parentName and typeName (and id, for a user), a changed value or the remote address.
     */
    boolean matches(JsonNode record) {
        if (words.isEmpty()) {
            return true;
        }
        String text = searchable(record);
        return words.stream().allMatch(text::contains);
    }

    private static String searchable(JsonNode record) {
        StringBuilder text = new StringBuilder();
        for (String field : List.of("summary", "category", "eventSource", "remoteAddress")) {
            text.append(record.path(field).asText()).append('\n');
        }
        JsonNode object = record.path("objectItem");
        for (String field : List.of("name", "parentName", "typeName")) {
            text.append(object.path(field).asText()).append('\n');
        }
        if ("USER".equalsIgnoreCase(object.path("typeName").asText())) {
            text.append(object.path("id").asText()).append('\n');
        }
        record.path("changedValues").forEach(value -> text.append(value.path("changedFrom").asText()).append('\n')
                .append(value.path("changedTo").asText()).append('\n'));
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
