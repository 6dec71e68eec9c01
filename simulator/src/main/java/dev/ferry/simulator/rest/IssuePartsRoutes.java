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
        Changes.transition(issue, data, target.get(), actor(call), data.now());
        return Reply.noContent();
    }

    private static String actor(Call call) {
        return call.caller() != null ? call.caller() : Users.ADMIN_ACCOUNT_ID;
    }

    private Reply comments(Issue issue, Call call) {
        int startAt = Math.max(0, call.intParam("startAt", 0));
        int maxResults = Math.min(Math.max(1, call.intParam("maxResults", 5000)), 5000);
        boolean withProperties = call.listParam("expand").contains("properties");
        // Jira's orderBy: created (oldest first, the default) or -created; the simulator's list is in creation order.
        List<ObjectNode> ordered = new ArrayList<>(issue.comments);
        if (call.param("orderBy", "created").replace("+", "").equals("-created")) {
            java.util.Collections.reverse(ordered);
        }
        List<ObjectNode> shown = new ArrayList<>();
        for (ObjectNode comment : ordered.subList(Math.min(startAt, ordered.size()),
                Math.min(startAt + maxResults, ordered.size()))) {
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
        ObjectNode comment = SiteChanges.newComment(data, issue, call.siteUrl(), Users.ADMIN_ACCOUNT_ID, body, data.now());
        String id = comment.path("id").asText();
        if (call.body().has("properties")) {
            issue.commentProperties.put(id, (ArrayNode) call.body().get("properties").deepCopy());
        }
        return Reply.created(comment);
    }

    private Reply worklog(Issue issue, Call call) {
        int seconds = call.body() == null ? 60 : call.body().path("timeSpentSeconds").asInt(60);
        ObjectNode worklog = SiteChanges.newWorklog(data, issue, call.siteUrl(), Users.ADMIN_ACCOUNT_ID, seconds,
                data.now(), data.now());
        return Reply.created(SiteChanges.shown(worklog));
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
