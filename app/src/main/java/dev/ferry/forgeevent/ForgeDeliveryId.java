package dev.ferry.forgeevent;

import dev.ferry.connect.Fingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The id under which a Forge event is stored once. Forge sends no delivery identifier; it retries an event (up to
 * four times) with the same payload plus what describes the attempt: {@code retryContext} (retryCount, retryReason,
 * retryData) and a fresh {@code contextToken}. Without those, the payload is the delivery: its fingerprint, with keys
 * in a fixed order, is the same on every retry and differs between two changes (a changelog id, a comment's or
 * worklog's {@code updated}, an issue id).
 */
final class ForgeDeliveryId {

    /** What changes between two attempts at the same event. */
    static final Set<String> PER_ATTEMPT = Set.of("contextToken", "retryContext");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ForgeDeliveryId() {
    }

    static String of(JsonNode event) {
        ObjectNode stable = JsonNodeFactory.instance.objectNode();
        sortedFields(event).forEach(field -> {
            if (!PER_ATTEMPT.contains(field.getKey())) {
                stable.set(field.getKey(), canonical(field.getValue()));
            }
        });
        return "forge:" + Fingerprint.of(JSON.writeValueAsString(stable));
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            sortedFields(node).forEach(field -> sorted.set(field.getKey(), canonical(field.getValue())));
            return sorted;
        }
        if (node.isArray()) {
            var array = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        return node;
    }

    private static List<Map.Entry<String, JsonNode>> sortedFields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
        fields.sort(Map.Entry.comparingByKey());
        return fields;
    }
}
