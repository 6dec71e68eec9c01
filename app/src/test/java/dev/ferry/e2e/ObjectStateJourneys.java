package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Where the journeys of object state start: Acme's site linked the {@link SiteKind} way, and the means to link
 * tickets to the anomaly {@code an-1} and to read what Jira and Ferry then hold.
 */
abstract class ObjectStateJourneys extends WithLinkedDestination {

    static final String HEADING = "\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC] Acme Experiments anomaly ";
    static final String STATE = "/api/v1/objects/anomaly/an-1/state";

    @AfterEach
    void ferrySentJiraNothingItsSpecificationRejects() {
        journey.assertNoSpecViolations();
    }

    /** A ticket filed by a person in Jira and linked to the anomaly by key; answers its key. */
    String linkedTicket(String anomaly) {
        String key = jira.admin().createIssue("FERRY", "Task", "Freshness of " + anomaly);
        ProductApi.Reply linked = api.post("/api/v1/links", """
                {"site":"%s","issueKey":"%s","subject":{"type":"anomaly","id":"%s","title":"Late rows"}}"""
                .formatted(clientKey, key, anomaly));
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        return key;
    }

    /** The ticket's comments as a person reads them: paragraphs on their own lines. */
    List<String> comments(String key) {
        List<String> texts = new ArrayList<>();
        for (JsonNode comment : issue(key).path("fields").path("comment").path("comments")) {
            List<String> paragraphs = new ArrayList<>();
            for (JsonNode block : comment.path("body").path("content")) {
                StringBuilder text = new StringBuilder();
                block.path("content").forEach(inline -> text.append(
                        inline.path("type").asString().equals("hardBreak") ? "\n" : inline.path("text").asString("")));
                paragraphs.add(text.toString());
            }
            texts.add(String.join("\n", paragraphs));
        }
        return texts;
    }

    String issueId(String key) {
        return issue(key).path("id").asString();
    }

    /** The issue as Jira's REST API shows it (the simulator speaks Jackson 2; Ferry's tests read Jackson 3). */
    JsonNode issue(String key) {
        return ProductApi.JSON.readTree(jira.data().issueJson(key, jira.baseUrl()).orElseThrow().toString());
    }

    String deliveryStatus() {
        return api.get(STATE + "-history").json().get(0).path("tickets").get(0).path("status").asString();
    }

    List<String> objectStates(String objectId) {
        return context.getBean(JdbcClient.class).sql("select object_state from ticket_link where object_id = ?")
                .param(objectId).query(String.class).list();
    }

    long rows(String table) {
        return context.getBean(JdbcClient.class).sql("select count(*) from " + table).query(Long.class).single();
    }
}
