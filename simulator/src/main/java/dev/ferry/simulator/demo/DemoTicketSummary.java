package dev.ferry.simulator.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.simulator.JiraSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Waits, bounded, for the anomaly's comments and callbacks, then prints what the simulated site and the receiver hold. */
final class DemoTicketSummary {

    /** The line Ferry's comment starts with after its timestamp and organization name. */
    static final String STATUS_LINE = "anomaly status: Acknowledged";
    /** Ferry's workers poll every second; cold JVMs on a busy machine still need far more than that. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final JiraSimulator jira;
    private final DemoCallbackReceiver receiver;
    private final Consumer<String> say;

    DemoTicketSummary(JiraSimulator jira, DemoCallbackReceiver receiver, Consumer<String> say) {
        this.jira = jira;
        this.receiver = receiver;
        this.say = say;
    }

    /** Polls the simulator until every ticket has Ferry's acknowledgement comment, and the callbacks have come. */
    void awaitAndPrint(String handTicket, List<String> tickets) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!tickets.stream().allMatch(key -> !ferryComments(key).isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        receiver.await(m -> m.type().equals("ticket.created"), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        receiver.await(m -> m.type().equals("callback.test"), Duration.ofSeconds(5));
        print(handTicket, tickets);
        List<String> missing = tickets.stream().filter(key -> ferryComments(key).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new DemoRefusal("no acknowledgement comment reached " + missing + " within " + TIMEOUT.toSeconds() + " s");
        }
    }

    private void print(String handTicket, List<String> tickets) {
        JsonNode fields = fields(handTicket);
        say.accept("");
        say.accept("Data quality: anomaly " + DemoHandTickets.ANOMALY_ID + " as the simulated site shows it");
        say.accept("  ticket filed by hand: " + handTicket + " in " + fields.path("project").path("key").asText()
                + ", " + fields.path("issuetype").path("name").asText() + ", priority "
                + fields.path("priority").path("name").asText() + ", labels " + labels(fields) + ", assignee "
                + assignee(fields));
        say.accept("    summary: " + fields.path("summary").asText());
        say.accept("    description: " + firstLine(text(fields.path("description"))) + " (+ Ferry's context section)");
        for (String key : tickets) {
            List<String> comments = ferryComments(key);
            say.accept("  comment on " + key + (key.equals(handTicket) ? " (filed by hand)" : " (linked, filed before)")
                    + (comments.isEmpty() ? ": (none yet)" : ":"));
            comments.forEach(comment -> comment.lines().forEach(line -> say.accept("    | " + line)));
        }
        List<DemoCallbackReceiver.Received> received = receiver.received();
        say.accept("  callbacks received at " + receiver.url() + ": " + received.size());
        received.forEach(m -> say.accept("    " + m.type() + " (" + m.webhookId() + "), signature "
                + (m.signatureValid() ? "valid" : "INVALID")));
    }

    /** The texts of Ferry's acknowledgement comments on the issue, read from the simulator. */
    private List<String> ferryComments(String key) {
        List<String> texts = new ArrayList<>();
        fields(key).path("comment").path("comments").forEach(comment -> {
            String text = text(comment.path("body"));
            if (text.contains(STATUS_LINE)) {
                texts.add(text);
            }
        });
        return texts;
    }

    private JsonNode fields(String key) {
        return jira.data().issueJson(key, jira.baseUrl()).map(issue -> (JsonNode) issue.path("fields"))
                .orElseThrow(() -> new DemoRefusal("the simulated site has no issue " + key));
    }

    /** The simulator's user JSON names everyone alike, so the name comes from its accounts. */
    private String assignee(JsonNode fields) {
        String id = fields.path("assignee").path("accountId").asText("");
        return id.isEmpty() ? "(none)" : jira.data().accounts().find(id).map(a -> a.displayName()).orElse("?") + " (" + id + ")";
    }

    private static String labels(JsonNode fields) {
        List<String> labels = new ArrayList<>();
        fields.path("labels").forEach(label -> labels.add(label.asText()));
        return labels.toString();
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    /** An ADF document (or plain string) as text: text nodes, one line per paragraph. */
    static String text(JsonNode adf) {
        if (adf.isTextual()) {
            return adf.asText();
        }
        StringBuilder text = new StringBuilder();
        append(adf, text);
        return text.toString().strip();
    }

    private static void append(JsonNode node, StringBuilder text) {
        String type = node.path("type").asText();
        if (type.equals("text")) {
            text.append(node.path("text").asText());
        } else if (type.equals("hardBreak")) {
            text.append('\n');
        }
        node.path("content").forEach(child -> append(child, text));
        if (type.equals("paragraph") || type.equals("heading")) {
            text.append('\n');
        }
    }
}
