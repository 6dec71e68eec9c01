package dev.ferry.simulator.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Consumer;

/**
 * The data-quality workflow over the product API, as a product's backend runs it: a callback endpoint at the
 * demo's receiver, a ticket filed by hand for an anomaly with the fields a person picks from Ferry's choices,
 * an existing ticket linked to the same anomaly, and the anomaly acknowledged.
 */
final class DemoHandTickets {

    static final String ANOMALY_TYPE = "anomaly";
    static final String ANOMALY_ID = "an-7";
    private static final String OBJECT = """
            {"type": "anomaly", "id": "an-7", "title": "Row count of orders dropped",
             "url": "https://dq.example/anomalies/an-7", "state": "open", "facts": {"table": "orders", "drop": "-38%"}}""";
    /** A link's subject names the object only: no state, no facts. */
    private static final String SUBJECT = """
            {"type": "anomaly", "id": "an-7", "title": "Row count of orders dropped", "url": "https://dq.example/anomalies/an-7"}""";
    private static final int[] CREATED = {201};
    private static final int[] ACCEPTED = {202};

    private final DemoApi api;
    private final String site;
    private final Consumer<String> say;

    DemoHandTickets(DemoApi api, String site, Consumer<String> say) {
        this.api = api;
        this.site = site;
        this.say = say;
    }

    /** Registers the receiver's URL as a callback endpoint and hands it the secret Ferry shows this once. */
    void registerCallback(DemoCallbackReceiver receiver) {
        JsonNode endpoint = api.post("/api/v1/callbacks", """
                {"url": %s, "description": "The demo's receiver on loopback"}""".formatted(DemoApi.quote(receiver.url())),
                CREATED);
        receiver.secret(endpoint.path("secret").asText());
        String id = endpoint.path("id").asText();
        api.post("/api/v1/callbacks/" + id + "/test", "{}", ACCEPTED);
        say.accept("registered the callback endpoint " + receiver.url() + " (secret whsec_… shown once, kept by the"
                + " receiver) and asked Ferry for a test message");
    }

    /** Files a ticket for the anomaly with all seven fields, each picked from what Ferry offers for the site. */
    String fileTicket() {
        JsonNode projects = api.get("/api/v1/sites/" + site + "/projects");
        String project = projects.path("defaultProject").asText(projects.path("projects").path(0).path("key").asText());
        JsonNode types = api.get("/api/v1/sites/" + site + "/projects/" + project + "/issue-types");
        String issueType = pick(types, "name", "Bug");
        String priority = pick(api.get("/api/v1/sites/" + site + "/projects/" + project + "/issue-types/" + issueType
                + "/priorities").path("priorities"), "name", "High");
        JsonNode people = api.get("/api/v1/sites/" + site + "/projects/" + project + "/assignees?query=dana");
        if (people.isEmpty()) {
            throw new DemoRefusal("Ferry found nobody assignable in " + project + " for 'dana'");
        }
        String assignee = people.path(0).path("accountId").asText();
        say.accept("choices for a ticket in " + project + ": issue types " + names(types, "name") + ", priority " + priority + ", assignee '"
                + people.path(0).path("displayName").asText() + "' (assignable-user search for 'dana')");
        String body = """
                {"site": %s, "project": %s, "issueType": %s, "summary": "Row count of orders dropped by 38%%",
                 "description": "The nightly load brought 38%% fewer rows than the median of the week.",
                 "priority": %s, "labels": ["data-quality", "orders"], "assignee": %s, "object": %s}""".formatted(
                DemoApi.quote(site), DemoApi.quote(project), DemoApi.quote(issueType), DemoApi.quote(priority),
                DemoApi.quote(assignee), OBJECT);
        JsonNode ticket = api.post("/api/v1/tickets", body, new int[] {201, 202}, "Idempotency-Key", "demo-an-7-ticket");
        ticket = awaitCreated(ticket);
        say.accept("filed " + ticket.path("issueKey").asText() + " by hand for anomaly an-7 over the API-token"
                + " connection -> Ferry answered " + ticket.path("state").asText());
        return ticket.path("issueKey").asText();
    }

    /** Links a ticket someone filed in Jira before to the same anomaly, without touching the ticket. */
    void linkExisting(String issueKey) {
        api.post("/api/v1/links", """
                {"site": %s, "issueKey": %s, "subject": %s}""".formatted(DemoApi.quote(site), DemoApi.quote(issueKey),
                SUBJECT), CREATED);
        say.accept("linked the existing ticket " + issueKey + " to anomaly an-7");
    }

    /** Tells Ferry the anomaly is acknowledged; each linked ticket gets one comment from a worker. */
    void acknowledge() {
        JsonNode change = api.post("/api/v1/objects/" + ANOMALY_TYPE + "/" + ANOMALY_ID + "/state", """
                {"state": "acknowledged", "note": "Seen in the nightly load; the orders feed was late.",
                 "by": "Dana Analyst"}""", new int[] {202});
        say.accept("acknowledged anomaly an-7 -> Ferry: " + change.path("detail").asText());
    }

    /** A ticket Jira could not be asked for yet is filed by Ferry's worker within seconds; wait for it. */
    private JsonNode awaitCreated(JsonNode ticket) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while ("PENDING".equals(ticket.path("state").asText()) && System.nanoTime() < deadline) {
            sleep();
            ticket = api.get("/api/v1/tickets/" + ticket.path("id").asText());
        }
        if (!"CREATED".equals(ticket.path("state").asText())) {
            throw new DemoRefusal("the hand ticket is " + ticket.path("state").asText() + ": " + ticket.path("lastError").asText());
        }
        return ticket;
    }

    /** The preferred name when the site offers it, else the first offered. */
    private static String pick(JsonNode offered, String field, String preferred) {
        List<String> names = names(offered, field);
        if (names.isEmpty()) {
            throw new DemoRefusal("Ferry offered no " + field + " to choose from");
        }
        return names.contains(preferred) ? preferred : names.get(0);
    }

    private static List<String> names(JsonNode offered, String field) {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        offered.forEach(item -> names.add(item.path(field).asText()));
        return names;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoRefusal("interrupted while waiting for the hand ticket");
        }
    }
}
