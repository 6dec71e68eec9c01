package dev.ferry.callback;

import dev.ferry.link.TicketChanged;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON a message carries, in Standard Webhooks' shape: {@code {type, timestamp, data}}. */
final class CallbackBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CallbackBodies() {
    }

    /** A new {@code webhook-id}: the message's for good, the same on every retry. */
    static String newWebhookId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    static String of(CallbackEvent event, TicketChanged change) {
        ObjectNode body = envelope(event.type, change.occurredAt());
        ObjectNode data = body.putObject("data");
        data.put("linkId", change.linkId());
        data.put("site", change.site());
        data.put("issueId", change.issueId());
        data.put("issueKey", change.issueKey());
        if (change.previousIssueKey() != null) {
            data.put("previousIssueKey", change.previousIssueKey());
        }
        if (change.statusName() != null || change.statusCategory() != null) {
            data.putObject("status").put("name", change.statusName()).put("category", change.statusCategory());
        }
        if (event == CallbackEvent.TICKET_STATUS_CHANGED) {
            data.putObject("previousStatus").put("name", change.previousStatus())
                    .put("category", change.previousStatusCategory());
        }
        data.putObject("object").put("type", change.objectType()).put("id", change.objectId());
        data.put("origin", change.origin().name());
        return JSON.writeValueAsString(body);
    }

    static String test(String endpointId, Instant now) {
        ObjectNode body = envelope(CallbackEvent.TEST, now);
        body.putObject("data").put("endpointId", endpointId).put("message", "A test event sent from Ferry");
        return JSON.writeValueAsString(body);
    }

    /** Which messages of one endpoint keep their order: those about the same product object. */
    static String orderKey(TicketChanged change) {
        return "object:" + change.objectType() + ":" + change.objectId();
    }

    private static ObjectNode envelope(String type, Instant at) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", type);
        body.put("timestamp", at.toString());
        return body;
    }
}
