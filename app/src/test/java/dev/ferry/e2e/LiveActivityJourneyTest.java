package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ingest.job.IngestDrain;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.PersonActions;
import dev.ferry.webhook.InboxDrain;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Over a real install, what a person does in Jira reaches Ferry as Jira's signed webhooks and becomes activities
 * as soon as the inbox is worked; a fetch of the same hours afterwards finds the same activities and adds none.
 */
@FerryJourney
class LiveActivityJourneyTest {

    static final String RUTH = "557058:ruth-live";

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    @Test
    void webhooksOfAnInstallBecomeActivitiesThatAFetchDoesNotDouble(Journey journey) {
        JiraSimulator jira = journey.jira();
        jira.data().accounts().add(RUTH, "ruth@live.example", "Ruth Live");
        ProductApi api = journey.newOrganization("Acme Live");
        String site = journey.linkSite(api);
        PersonActions ruth = new PersonActions(jira);
        Instant from = Instant.now().minus(1, ChronoUnit.HOURS);

        String key = ruth.createIssue(RUTH, "FERRY", "Live activity");
        ruth.comment(RUTH, key, "Looking into it.");
        ruth.addWorklog(RUTH, key, 1800);
        ruth.transition(RUTH, key, "Done");
        InboxDrain.drain(context);

        List<String> live = kinds(api, site, key);
        assertThat(live).contains("issue_created", "comment_added", "worklog_added", "issue_resolved", "issue_updated");
        JsonNode comment = activities(api, site).stream().filter(a -> a.path("kind").asString().equals("comment_added"))
                .findFirst().orElseThrow();
        assertThat(comment.path("actor").path("accountId").asString()).isEqualTo(RUTH);
        assertThat(comment.path("actor").path("displayName").asString()).isEqualTo("Ruth Live");

        ProductApi.Reply fetch = api.post("/api/v1/connections/" + site + "/fetch", "{\"from\":\"" + from
                + "\",\"to\":\"" + Instant.now().plusSeconds(5) + "\",\"streams\":[\"jira-issues\"]}");
        assertThat(fetch.status()).as(fetch.body()).isEqualTo(202);
        IngestDrain.drain(context);
        JsonNode job = api.get("/api/v1/fetches/" + fetch.json().path("id").asString()).json();
        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("done");

        assertThat(kinds(api, site, key)).as("the poller found this issue's activities under the webhooks' keys")
                .containsExactlyInAnyOrderElementsOf(live);
    }

    private static List<JsonNode> activities(ProductApi api, String site) {
        List<JsonNode> all = new ArrayList<>();
        api.get("/api/v1/activities?connection=" + site + "&limit=500").json().path("activities").forEach(all::add);
        return all;
    }

    private static List<String> kinds(ProductApi api, String site, String key) {
        return activities(api, site).stream().filter(a -> key.equals(a.path("object").path("key").asString()))
                .map(a -> a.path("kind").asString()).toList();
    }
}
