package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** The parts of an issue the app writes: transitions, comments, worklogs, remote links and properties. */
final class IssuePartsRoutes {

    static final int MAX_PROPERTY_CHARS = 32_768;

    private final JiraData data;
    private final Adf adf;

    IssuePartsRoutes(JiraData data, Adf adf) {
        this.data = data;
        this.adf = adf;
    }

    void register(Routes routes) {
        String issue = "/rest/api/3/issue/{issue}";
        routes.add("GET", issue + "/transitions", call -> on(call, this::transitions))
                .add("POST", issue + "/transitions", call -> on(call, this::transition))
                .add("GET", issue + "/comment", call -> on(call, this::comments))
                .add("POST", issue + "/comment", call -> on(call, this::comment))
                .add("POST", issue + "/worklog", call -> on(call, this::worklog))
                .add("GET", issue + "/remotelink", call -> on(call, (i, c) -> Reply.ok(array(i.remoteLinks))))
                .add("POST", issue + "/remotelink", call -> on(call, this::remoteLink))
                .add("GET", issue + "/properties/{key}", call -> on(call, this::property))
                .add("PUT", issue + "/properties/{key}", call -> on(call, this::putProperty))
                .add("DELETE", issue + "/properties/{key}", call -> on(call, this::deleteProperty));
    }

    private Reply on(Call call, BiFunction<Issue, Call, Reply> handler) {
        synchronized (data) {
            Optional<Issue> issue = data.issue(call.variable(0));
            return issue.map(found -> handler.apply(found, call)).orElseGet(IssueRoutes::missing);
        }
    }

    private Reply transitions(Issue issue, Call call) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("transitions");
        for (Status status : Status.values()) {
            ObjectNode transition = list.addObject();
            transition.put("id", status.transitionId);
            transition.put("name", status.statusName);
            transition.set("to", status.json(call.siteUrl()));
            transition.put("isAvailable", true);
        }
        return Reply.ok(body);
    }

    private Reply transition(Issue issue, Call call) {
        String id = call.body() == null ? "" : call.body().path("transition").path("id").asText("");
        Optional<Status> target = Status.byTransition(id);
        if (target.isEmpty()) {
            return Reply.error(400, "Transition id '" + id + "' is not valid for this issue.");
        }
        Changes.record(issue, data, "status", issue.status.statusName, target.get().statusName);
        issue.status = target.get();
        return Reply.noContent();
    }

    private Reply comments(Issue issue, Call call) {
        int startAt = Math.max(0, call.intParam("startAt", 0));
        int maxResults = Math.min(Math.max(1, call.intParam("maxResults", 5000)), 5000);
        boolean withProperties = call.listParam("expand").contains("properties");
        List<ObjectNode> shown = new ArrayList<>();
        for (ObjectNode comment : issue.comments.subList(Math.min(startAt, issue.comments.size()),
                Math.min(startAt + maxResults, issue.comments.size()))) {
            ObjectNode copy = comment.deepCopy();
            if (withProperties) {
                copy.set("properties", issue.commentProperties.getOrDefault(comment.path("id").asText(), Json.array()));
            }
            shown.add(copy);
        }
        ObjectNode page = Json.object();
        page.put("startAt", startAt);
        page.put("maxResults", maxResults);
        page.put("total", issue.comments.size());
        page.set("comments", array(shown));
        return Reply.ok(page);
    }

    private Reply comment(Issue issue, Call call) {
        JsonNode body = call.body() == null ? null : call.body().get("body");
        Optional<String> problem = adf.problem(body);
        if (problem.isPresent()) {
            return Reply.fieldErrors(java.util.Map.of("comment", problem.get()));
        }
        ObjectNode comment = Json.object();
        String id = data.nextId();
        comment.put("self", call.siteUrl() + "/rest/api/3/issue/" + issue.id + "/comment/" + id);
        comment.put("id", id);
        comment.set("author", Users.user(call.siteUrl(), Users.ADMIN_ACCOUNT_ID));
        comment.set("body", body);
        comment.put("created", Json.time(data.now()));
        comment.put("updated", Json.time(data.now()));
        issue.comments.add(comment);
        if (call.body().has("properties")) {
            issue.commentProperties.put(id, (ArrayNode) call.body().get("properties").deepCopy());
        }
        issue.updated = data.now();
        return Reply.created(comment);
    }

    private Reply worklog(Issue issue, Call call) {
        ObjectNode worklog = Json.object();
        String id = data.nextId();
        worklog.put("id", id);
        worklog.put("issueId", issue.id);
        worklog.put("self", call.siteUrl() + "/rest/api/3/issue/" + issue.id + "/worklog/" + id);
        worklog.set("author", Users.user(call.siteUrl(), Users.ADMIN_ACCOUNT_ID));
        worklog.put("timeSpentSeconds", call.body() == null ? 60 : call.body().path("timeSpentSeconds").asInt(60));
        worklog.put("started", Json.time(data.now()));
        worklog.put("created", Json.time(data.now()));
        worklog.put("updated", Json.time(data.now()));
        worklog.put("updatedMillis", data.now().toEpochMilli());
        issue.worklogs.add(worklog);
        return Reply.created(worklog);
    }

    /** The same globalId updates the existing link instead of adding a second one. */
    private Reply remoteLink(Issue issue, Call call) {
        JsonNode body = call.body();
        if (body == null || !body.path("object").hasNonNull("url") || !body.path("object").hasNonNull("title")) {
            return Reply.fieldErrors(java.util.Map.of("object", "A remote link needs object.url and object.title."));
        }
        String globalId = body.path("globalId").asText(null);
        for (ObjectNode link : issue.remoteLinks) {
            if (globalId != null && globalId.equals(link.path("globalId").asText(null))) {
                link.setAll((ObjectNode) body.deepCopy());
                return Reply.ok(Json.object().put("id", link.path("id").asLong()).put("self", link.path("self").asText()));
            }
        }
        ObjectNode link = body.deepCopy();
        String id = data.nextId();
        link.put("id", Long.parseLong(id));
        link.put("self", call.siteUrl() + "/rest/api/3/issue/" + issue.key + "/remotelink/" + id);
        issue.remoteLinks.add(link);
        return Reply.created(Json.object().put("id", Long.parseLong(id)).put("self", link.path("self").asText()));
    }

    private Reply property(Issue issue, Call call) {
        JsonNode value = issue.properties.get(call.variable(1));
        if (value == null) {
            return Reply.error(404, "The property with key '" + call.variable(1) + "' does not exist.");
        }
        return Reply.ok(Json.object().put("key", call.variable(1)).set("value", value));
    }

    private Reply putProperty(Issue issue, Call call) {
        if (call.body() == null) {
            return Reply.error(400, "The property value must be valid JSON.");
        }
        if (call.rawBody().length() > MAX_PROPERTY_CHARS) {
            return Reply.error(400, "The property value is longer than 32768 characters.");
        }
        boolean existed = issue.properties.put(call.variable(1), call.body()) != null;
        return existed ? Reply.ok(null) : Reply.created(null);
    }

    private Reply deleteProperty(Issue issue, Call call) {
        return issue.properties.remove(call.variable(1)) != null ? Reply.noContent()
                : Reply.error(404, "The property with key '" + call.variable(1) + "' does not exist.");
    }

    static ArrayNode array(java.util.List<ObjectNode> items) {
        ArrayNode array = Json.array();
        items.forEach(array::add);
        return array;
    }
}
