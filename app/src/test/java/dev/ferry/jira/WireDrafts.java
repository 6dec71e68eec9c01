package dev.ferry.jira;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Small issue drafts for the client's tests. */
final class WireDrafts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WireDrafts() {
    }

    static IssueDraft task(String summary) {
        return new IssueDraft("FERRY", null, "Task", summary, null, null, List.of(), Map.of());
    }

    /** A task carrying the delivery marker {@code {"id": deliveryId}}. */
    static IssueDraft marked(String deliveryId) {
        return new IssueDraft("FERRY", null, "Task", "Delivery " + deliveryId, null, null, null,
                Map.of(JiraClient.DELIVERY_PROPERTY, JSON.createObjectNode().put("id", deliveryId)));
    }
}
