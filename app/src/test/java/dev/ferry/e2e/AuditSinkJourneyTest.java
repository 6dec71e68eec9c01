package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.auditsink.SinkDrain;
import dev.ferry.principal.ApiScope;
import dev.ferry.support.Organizations;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A SIEM tails a collector's audit records through its HTTP sink: NDJSON batches in position order with the token
 * header sealed in Ferry; a sink failing then recovering gets the same batch again and then everything, with no gap;
 * a worker dying after the sink took a batch makes it come twice, which the receiver drops by recordId.
 */
@FerryJourney
@ExtendWith(OutputCaptureExtension.class)
class AuditSinkJourneyTest {

    static final String TOKEN = "Splunk 5f1c0e9a-sink-token-never-shown";

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Organizations organizations;

    Journey journey;
    Organizations.Org org;
    ProductApi api;
    String collector;
    String sinkPath;
    SinkReceiver receiver;

    @BeforeEach
    void aCollectorWithRecords(Journey journey) throws Exception {
        this.journey = journey;
        org = organizations.create("Acme Audit");
        api = journey.api(org.key());
        collector = SinkFixtures.collector(context, org.id());
        sinkPath = "/api/v1/audit-collectors/" + collector + "/sink";
        receiver = new SinkReceiver(journey.callbackPort());
    }

    @AfterEach
    void closeTheReceiver() {
        receiver.close();
    }

    @Test
    void aSinkAnswering500Then200GetsTheSameBatchAgainThenEveryRecordInOrderWithoutGap(CapturedOutput output) {
        SinkFixtures.store(context, org.id(), collector, 1001, 1025);
        ProductApi.Reply set = api.put(sinkPath, "{\"url\":\"" + SinkReceiver.url(journey.callbackPort())
                + "\",\"headers\":{\"Authorization\":\"" + TOKEN + "\"},\"batchSize\":10}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("headerNames").toString()).isEqualTo("[\"Authorization\"]");
        assertThat(set.json().path("lag").asLong()).isEqualTo(25);

        receiver.answer(500);
        SinkDrain.drain(context);
        JsonNode failing = api.get(sinkPath).json();
        assertThat(failing.path("state").asString()).isEqualTo("failing");
        assertThat(failing.path("lastHttpStatus").asInt()).isEqualTo(500);
        assertThat(failing.path("lastError").asString()).isEqualTo("the sink answered 500");
        assertThat(failing.path("position").asLong()).isZero();
        assertThat(failing.path("lag").asLong()).isEqualTo(25);
        assertThat(SinkDrain.drain(context)).as("backing off").isZero();

        SinkDrain.timePasses(context);
        SinkDrain.drain(context);

        List<SinkReceiver.Received> posts = receiver.received();
        assertThat(posts).extracting(SinkReceiver.Received::answered).containsExactly(500, 200, 200, 200);
        assertThat(posts.get(1).body()).as("the failed batch again, line for line").isEqualTo(posts.get(0).body());
        assertThat(posts).allSatisfy(post -> {
            assertThat(post.contentType()).isEqualTo("application/x-ndjson");
            assertThat(post.authorization()).isEqualTo(TOKEN);
        });
        List<Long> positions = receiver.accepted().stream().flatMap(post -> post.positions().stream()).toList();
        assertThat(positions).hasSize(25).isSorted().doesNotHaveDuplicates();
        assertThat(receiver.kept()).extracting(line -> line.path("recordId").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1001, 1025).boxed().toList());
        JsonNode first = receiver.kept().get(0);
        assertThat(first.path("collectorId").asString()).isEqualTo(collector);
        assertThat(first.path("record").path("odd").get(1).path("x").asString()).as("the record as received").isEqualTo("é\n");
        assertThat(first.toString()).startsWith("{\"position\":");

        JsonNode ok = api.get(sinkPath).json();
        assertThat(ok.path("state").asString()).isEqualTo("ok");
        assertThat(ok.path("position").asLong()).isEqualTo(positions.get(24));
        assertThat(ok.path("lag").asLong()).isZero();
        assertThat(ok.path("sent").asLong()).isEqualTo(25);
        assertThat(ok.path("lastHttpStatus").asInt()).isEqualTo(200);
        assertThat(ok.path("lastAnswer").asString()).isEqualTo("{\"text\":\"answer 200\"}");

        SinkFixtures.store(context, org.id(), collector, 1026, 1028);
        assertThat(SinkDrain.drain(context)).isEqualTo(1);
        assertThat(receiver.kept()).hasSize(28);
        assertThat(SinkDrain.drain(context)).as("nothing new: no sink is due").isZero();
        assertThat(receiver.received()).hasSize(5);
        assertThat(output.getAll()).doesNotContain(TOKEN).doesNotContain("5f1c0e9a");
        assertThat(jdbc.sql("select * from audit_sink").query().listOfRows().toString()).as("sealed in the table")
                .doesNotContain("5f1c0e9a").contains("Authorization");
    }

    @Test
    void aWorkerHoldsOnlyTheSinkItSendsToSoAnotherNodeTakesTheNextMeanwhile() {
        String second = SinkFixtures.collector(context, org.id());
        SinkFixtures.store(context, org.id(), collector, 1, 3);
        SinkFixtures.store(context, org.id(), second, 4, 6);
        for (String sink : List.of(sinkPath, "/api/v1/audit-collectors/" + second + "/sink")) {
            assertThat(api.put(sink, "{\"url\":\"" + SinkReceiver.url(journey.callbackPort()) + "\"}").status())
                    .isEqualTo(200);
        }

        List<String> takenMeanwhile = SinkDrain.drainWhileAnotherNodeClaims(context);

        assertThat(takenMeanwhile).as("the other node, while the first sends to one sink")
                .containsAnyOf(collector, second);
        SinkDrain.timePasses(context);
        SinkDrain.drain(context);
        assertThat(receiver.kept()).hasSize(6);
    }

    @Test
    void aWorkerDyingAfterTheSinkTookABatchSendsItAgainAndARestartResumesFromThePosition() {
        SinkFixtures.store(context, org.id(), collector, 1, 12);
        assertThat(api.put(sinkPath, "{\"url\":\"" + SinkReceiver.url(journey.callbackPort()) + "\",\"batchSize\":5}")
                .status()).isEqualTo(200);

        assertThat(SinkDrain.drainDyingAfterTheSinkAccepted(context)).isTrue();
        assertThat(receiver.received()).hasSize(1);
        assertThat(api.get(sinkPath).json().path("position").asLong()).as("not recorded").isZero();
        assertThat(SinkDrain.drain(context)).as("the dead worker's lease holds the sink").isZero();

        SinkDrain.timePasses(context);
        SinkDrain.drain(context);

        List<SinkReceiver.Received> posts = receiver.received();
        assertThat(posts).hasSize(4);
        assertThat(posts.get(1).body()).as("at least once: the batch again").isEqualTo(posts.get(0).body());
        assertThat(receiver.kept()).extracting(line -> line.path("recordId").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 12).boxed().toList());
        long last = posts.get(3).positions().get(1);
        assertThat(api.get(sinkPath).json().path("position").asLong()).isEqualTo(last);

        SinkFixtures.store(context, org.id(), collector, 13, 14);
        SinkDrain.drain(context);
        assertThat(receiver.received().get(4).positions()).as("resumes after the position").allMatch(p -> p > last)
                .hasSize(2);
        assertThat(receiver.kept()).hasSize(14);
    }

    @Test
    void aStalledWorkerWhoseLeaseWasTakenOverPostsAgainButMovesNoPositionBack() {
        SinkFixtures.store(context, org.id(), collector, 1, 6);
        api.put(sinkPath, "{\"url\":\"" + SinkReceiver.url(journey.callbackPort()) + "\",\"batchSize\":3}");
        Runnable stalled = SinkDrain.claimAndStall(context);
        SinkDrain.timePasses(context);
        SinkDrain.drain(context);
        long position = api.get(sinkPath).json().path("position").asLong();
        assertThat(receiver.kept()).hasSize(6);

        stalled.run();

        assertThat(receiver.received()).as("its first batch went out again, then it stopped").hasSize(3);
        assertThat(receiver.received().get(2).body()).isEqualTo(receiver.received().get(0).body());
        JsonNode sink = api.get(sinkPath).json();
        assertThat(sink.path("position").asLong()).as("fenced: nothing written").isEqualTo(position);
        assertThat(sink.path("sent").asLong()).isEqualTo(6);
        assertThat(receiver.kept()).hasSize(6);
    }

    @Test
    void aRedirectIsAFailureThatSaysSoAndIsNotFollowed() {
        SinkFixtures.store(context, org.id(), collector, 1, 2);
        api.put(sinkPath, "{\"url\":\"" + SinkReceiver.url(journey.callbackPort()) + "\"}");
        receiver.answer(302);
        SinkDrain.drain(context);
        assertThat(receiver.received()).hasSize(1);
        JsonNode sink = api.get(sinkPath).json();
        assertThat(sink.path("lastError").asString()).contains("302").contains("does not follow redirects");
        assertThat(sink.path("position").asLong()).isZero();
    }

    @Test
    void theTestPostsOneLineWithTheHeadersAndAnswersWhatTheSinkSaid() {
        api.put(sinkPath, "{\"url\":\"" + SinkReceiver.url(journey.callbackPort()) + "\",\"headers\":{\"Authorization\":\""
                + TOKEN + "\"}}");
        ProductApi.Reply tested = api.post(sinkPath + "/test", "");
        assertThat(tested.status()).as(tested.body()).isEqualTo(200);
        assertThat(tested.json().path("accepted").asBoolean()).isTrue();
        assertThat(tested.json().path("status").asInt()).isEqualTo(200);
        assertThat(receiver.received()).singleElement().satisfies(post -> {
            assertThat(post.authorization()).isEqualTo(TOKEN);
            assertThat(post.lines()).singleElement().satisfies(line -> assertThat(line.path("test").asBoolean()).isTrue());
        });
        receiver.answer(503);
        ProductApi.Reply failed = api.post(sinkPath + "/test", "");
        assertThat(failed.json().path("accepted").asBoolean()).isFalse();
        assertThat(failed.json().path("status").asInt()).isEqualTo(503);
        assertThat(failed.json().path("answer").asString()).contains("answer 503");
        assertThat(api.get(sinkPath).json().path("state").asString()).as("a test changes no state").isEqualTo("ok");
    }

    @Test
    void headersAreKeptOnAnEditWithoutThemReplacedByNewOnesAndClearedOnlyWhenAsked() {
        String url = SinkReceiver.url(journey.callbackPort());
        api.put(sinkPath, "{\"url\":\"" + url + "\",\"headers\":{\"Authorization\":\"" + TOKEN + "\",\"X-Source\":\"ferry\"}}");
        ProductApi.Reply edited = api.put(sinkPath, "{\"url\":\"" + url + "\",\"headers\":{},\"batchSize\":7}");
        assertThat(edited.json().path("headerNames").toString()).isEqualTo("[\"Authorization\",\"X-Source\"]");
        assertThat(edited.json().path("batchSize").asInt()).isEqualTo(7);
        api.post(sinkPath + "/test", "");
        assertThat(receiver.received().get(0).authorization()).isEqualTo(TOKEN);

        assertThat(api.put(sinkPath, "{\"url\":\"" + url + "\",\"headers\":{\"Authorization\":\"Splunk other\"}}").json()
                .path("headerNames").toString()).isEqualTo("[\"Authorization\"]");
        api.post(sinkPath + "/test", "");
        assertThat(receiver.received().get(1).authorization()).isEqualTo("Splunk other");

        assertThat(api.put(sinkPath, "{\"url\":\"" + url + "\",\"headers\":{},\"replaceHeaders\":true}").json()
                .path("headerNames").toString()).isEqualTo("[]");
        api.post(sinkPath + "/test", "");
        assertThat(receiver.received().get(2).authorization()).isNull();
        assertThat(api.get(sinkPath).json().path("batchSize").asInt()).as("kept when not given").isEqualTo(7);
    }

    @Test
    void aUrlPointingInsideOrBadFieldsAreRefusedByNameAndNothingIsStored() {
        String url = SinkReceiver.url(journey.callbackPort());
        refused("{\"url\":\"http://10.0.0.1/collector\"}", "/url", "https");
        refused("{\"url\":\"https://10.0.0.1/collector\"}", "/url", "private");
        refused("{\"url\":\"https://169.254.169.254/latest/meta-data\"}", "/url", "url refused");
        refused("{\"url\":\"https://127.0.0.1/collector\"}", "/url", "url refused");
        refused("{\"url\":\"http://127.0.0.1:" + journey.port() + "/api/v1/audit\"}", "/url", "url refused");
        refused("{\"url\":\"ftp://siem.example.com/\"}", "/url", "https URL");
        refused("{\"url\":\"https://user:pw@siem.example.com/\"}", "/url", "user name or password");
        refused("{}", "/url", "url is required");
        refused("{\"url\":\"" + url + "\",\"headers\":{\"Bad Name\":\"x\"}}", "/headers/Bad Name", "not a valid");
        refused("{\"url\":\"" + url + "\",\"headers\":{\"X-Token\":\"a\\r\\nX-Evil: 1\"}}", "/headers/X-Token", "line break");
        refused("{\"url\":\"" + url + "\",\"headers\":{\"host\":\"siem\"}}", "/headers/host", "set by Ferry");
        refused("{\"url\":\"" + url + "\",\"headers\":{\"Content-Type\":\"text/plain\"}}", "/headers/Content-Type", "set by Ferry");
        refused("{\"url\":\"" + url + "\",\"headers\":{\"Content-Length\":\"1\"}}", "/headers/Content-Length", "set by Ferry");
        refused("{\"url\":\"" + url + "\",\"batchSize\":0}", "/batchSize", "between 1 and 5000");
        refused("{\"url\":\"" + url + "\",\"batchSize\":5001}", "/batchSize", "between 1 and 5000");
        assertThat(jdbc.sql("select count(*) from audit_sink").query(Integer.class).single()).isZero();
        assertThat(api.get("/api/v1/audit").body()).doesNotContain("AUDIT_SINK_SET");
    }

    @Test
    void anotherOrganizationsCollectorIsNotFoundAndAKeyWithoutTheScopeIsRefused() {
        String url = SinkReceiver.url(journey.callbackPort());
        assertThat(api.put(sinkPath, "{\"url\":\"" + url + "\",\"headers\":{\"Authorization\":\"" + TOKEN + "\"}}")
                .status()).isEqualTo(200);
        ProductApi other = journey.api(organizations.create("Other Org").key());
        for (ProductApi.Reply reply : List.of(other.get(sinkPath), other.put(sinkPath, "{\"url\":\"" + url + "\"}"),
                other.post(sinkPath + "/test", ""), other.delete(sinkPath),
                api.get("/api/v1/audit-collectors/no-such-collector/sink"))) {
            ProductApi.refused(reply, 404, "no audit collector");
        }
        ProductApi reader = journey.api(organizations.key(org.id(), ApiScope.AUDIT_RECORDS_READ, ApiScope.CONFIG_WRITE).key());
        assertThat(reader.get(sinkPath).status()).isEqualTo(403);
        assertThat(reader.put(sinkPath, "{\"url\":\"" + url + "\"}").status()).isEqualTo(403);
        assertThat(reader.delete(sinkPath).status()).isEqualTo(403);
        assertThat(receiver.received()).isEmpty();

        assertThat(api.delete(sinkPath).status()).isEqualTo(204);
        ProductApi.refused(api.get(sinkPath), 404, "has no sink");
        String audit = api.get("/api/v1/audit").body();
        assertThat(audit).contains("AUDIT_SINK_SET").contains("AUDIT_SINK_REMOVED").contains("api-key:" + org.keyId())
                .doesNotContain(TOKEN);
    }

    private void refused(String body, String pointer, String detail) {
        ProductApi.Reply reply = api.put(sinkPath, body);
        ProductApi.refused(reply, 400, detail);
        assertThat(reply.json().path("errors").toString()).as(reply.body()).contains("\"pointer\":\"" + pointer + "\"");
    }
}
