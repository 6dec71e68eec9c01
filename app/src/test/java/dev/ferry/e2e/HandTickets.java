package dev.ferry.e2e;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** The bodies of {@code POST /api/v1/tickets} the journeys send: one complete ticket, changed field by field. */
final class HandTickets {

    /** An anomaly of the data-quality product, as its backend names it. */
    static final Map<String, String> FACTS = Map.of("table", "orders");

    private HandTickets() {
    }

    /** A ticket with all seven fields for anomaly {@code objectId}, assigned to {@code assignee}. */
    static ObjectNode complete(String site, String objectId, String assignee) {
        ObjectNode body = ProductApi.JSON.createObjectNode().put("site", site).put("project", "FERRY")
                .put("issueType", "Bug").put("summary", "Row count of orders dropped by 38%")
                .put("description", "The nightly load brought 38% fewer rows than the week's median.")
                .put("priority", "high").put("assignee", assignee);
        List.of("data-quality", "orders").forEach(body.putArray("labels")::add);
        ObjectNode object = body.putObject("object").put("type", "anomaly").put("id", objectId)
                .put("title", "Row count dropped").put("url", "https://dq.example.com/anomalies/" + objectId)
                .put("state", "open");
        FACTS.forEach(object.putObject("facts")::put);
        return body;
    }
}
