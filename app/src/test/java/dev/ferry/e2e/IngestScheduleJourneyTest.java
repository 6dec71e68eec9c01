package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ingest.job.IngestDrain;
import dev.ferry.jira.SimulatedIssueStream;
import dev.ferry.simulator.JiraSimulator;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A connection read on its own: its schedule made when first seen, the due run queued once, the checkpoint
 * moved only with committed pages, the next run starting from it less the overlap, the schedule changed and
 * paused, and everything of the connection gone with it.
 */
@FerryJourney
class IngestScheduleJourneyTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    JiraSimulator jira;
    ProductApi api;
    String connection;

    @BeforeEach
    void acmeConnectsAndThreeIssuesAreFiled(Journey journey) {
        jira = journey.jira();
        api = journey.newOrganization("Acme Schedule");
        connection = journey.connectApiToken(api);
        String project = IngestFetchJourneyTest.freshProject(jira);
        for (int i = 1; i <= 3; i++) {
            jira.admin().createIssue(project, "Task", "Scheduled issue " + i);
        }
    }

    @Test
    void theScheduleQueuesARunWhoseCheckpointMovesOnlyWithCommittedPages() {
        JsonNode source = api.get("/api/v1/data-sources").json().path("dataSources").get(0);
        assertThat(source.path("connection").asString()).isEqualTo(connection);
        assertThat(source.path("confluence").asBoolean()).as("an API-token connection reaches Confluence").isTrue();
        assertThat(source.path("schedule").path("everyMinutes").asInt()).isEqualTo(15);
        assertThat(stream(source).path("records").asLong()).isZero();

        assertThat(twoNodesQueueDue()).as("two nodes at once queue one run").isEqualTo(1);
        assertThat(IngestDrain.queueDue(context)).as("the next is a schedule's interval away").isZero();
        assertThat(IngestDrain.drainDyingInPage(context, 0)).isTrue();
        assertThat(watermark()).as("nothing committed, nothing moved").isNull();

        IngestDrain.timePasses(context);
        IngestDrain.drain(context);
        Instant runEnd = jdbc.sql("select range_to from ingest_job where kind = 'SCHEDULED'").query(Timestamp.class)
                .single().toInstant();
        assertThat(watermark()).isEqualTo(runEnd);
        JsonNode read = stream(api.get("/api/v1/data-sources").json().path("dataSources").get(0));
        assertThat(read.path("records").asLong()).isEqualTo(3);
        assertThat(read.path("lagSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(api.get("/api/v1/data-sources").json().path("dataSources").get(0).path("lastRun").path("state")
                .asString()).isEqualTo("done");

        IngestDrain.schedulesDue(context);
        assertThat(IngestDrain.queueDue(context)).isEqualTo(1);
        Instant nextFrom = jdbc.sql("select range_from from ingest_job where state = 'QUEUED'").query(Timestamp.class)
                .single().toInstant();
        assertThat(nextFrom).as("from the checkpoint less the overlap").isEqualTo(runEnd.minus(Duration.ofMinutes(10)));
        IngestDrain.drain(context);
        assertThat(stream(api.get("/api/v1/data-sources").json().path("dataSources").get(0)).path("records").asLong())
                .as("read again, stored once").isEqualTo(3);
    }

    @Test
    void aScheduleIsChangedAndPausedAndGoesWithItsConnection() {
        ProductApi.Reply changed = api.patch("/api/v1/connections/" + connection + "/schedule", "{\"everyMinutes\":60}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("everyMinutes").asInt()).isEqualTo(60);
        assertThat(Instant.parse(changed.json().path("nextRunAt").asString())).isAfter(Instant.now().plusSeconds(3000));
        assertThat(IngestDrain.queueDue(context)).isZero();

        ProductApi.Reply paused = api.patch("/api/v1/connections/" + connection + "/schedule", "{\"paused\":true}");
        assertThat(paused.json().path("paused").asBoolean()).isTrue();
        IngestDrain.schedulesDue(context);
        assertThat(IngestDrain.queueDue(context)).as("paused").isZero();
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'INGEST_SCHEDULE_UPDATED'").query(Long.class)
                .single()).isEqualTo(2);

        api.patch("/api/v1/connections/" + connection + "/schedule", "{\"paused\":false}");
        IngestDrain.schedulesDue(context);
        assertThat(IngestDrain.queueDue(context)).isEqualTo(1);
        assertThat(api.delete("/api/v1/connections/" + connection).status()).isEqualTo(204);
        for (String table : new String[] {"ingest_job", "ingest_schedule", "ingest_checkpoint"}) {
            assertThat(jdbc.sql("select count(*) from " + table + " where connection_id = ?").param(connection)
                    .query(Long.class).single()).as(table).isZero();
        }
    }

    private int twoNodesQueueDue() {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> queue = () -> IngestDrain.queueDue(context);
            int queued = 0;
            for (Future<Integer> node : nodes.invokeAll(List.of(queue, queue))) {
                queued += node.get();
            }
            return queued;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            nodes.shutdownNow();
        }
    }

    private Instant watermark() {
        return jdbc.sql("select watermark from ingest_checkpoint where connection_id = ? and stream = ?")
                .params(connection, SimulatedIssueStream.NAME).query(Timestamp.class).optional()
                .map(Timestamp::toInstant).orElse(null);
    }

    private static JsonNode stream(JsonNode source) {
        for (JsonNode stream : source.path("streams")) {
            if (stream.path("name").asString().equals(SimulatedIssueStream.NAME)) {
                return stream;
            }
        }
        throw new AssertionError("no stream " + SimulatedIssueStream.NAME + " in " + source);
    }
}
