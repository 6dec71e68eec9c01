package dev.ferry.ticket;

import dev.ferry.jira.IssueDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The checked draft as the row keeps it, so a worker sends exactly what the request checked. */
final class DraftJson {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private DraftJson() {
    }

    static String write(IssueDraft draft) {
        ObjectNode json = JSON.createObjectNode();
        putIfPresent(json, "projectKey", draft.projectKey());
        putIfPresent(json, "issueTypeId", draft.issueTypeId());
        putIfPresent(json, "issueTypeName", draft.issueTypeName());
        putIfPresent(json, "summary", draft.summary());
        putIfPresent(json, "priority", draft.priority());
        putIfPresent(json, "assignee", draft.assigneeAccountId());
        if (draft.description() != null) {
            json.set("description", draft.description());
        }
        var labels = json.putArray("labels");
        (draft.labels() == null ? List.<String>of() : draft.labels()).forEach(labels::add);
        return JSON.writeValueAsString(json);
    }

    private static void putIfPresent(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    static IssueDraft read(String text) {
        JsonNode json = JSON.readTree(text);
        List<String> labels = new ArrayList<>();
        json.path("labels").forEach(label -> labels.add(label.asString()));
        JsonNode description = json.path("description");
        return new IssueDraft(json.path("projectKey").asString(), json.path("issueTypeId").asString(null),
                json.path("issueTypeName").asString(null), json.path("summary").asString(),
                description.isObject() ? description : null, json.path("priority").asString(null), labels, Map.of(),
                json.path("assignee").asString(null));
    }
}
