package dev.ferry.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the product API takes in fits the columns it lands in: inside the documented limits an event is
 * stored, beyond them (or with text a database cannot hold) it is a 400 naming the field, never a 500.
 */
@FerryIntegrationTest
class EventInputLimitsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String VARIABLES = """
            "experimentName":"Checkout","guardrailMetric":"Error rate","observedValue":"2.1","thresholdValue":"1.5",
            "breachDirection":"above","detectedAt":"2026-01-01T00:00:00Z\"""";

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    Http http;
    String[] auth;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        auth = organizations.create("Acme").auth();
    }

    @Test
    void variablesOverAHundredKilobytesWithinTheDocumentedLimitsAreStored() {
        String many = IntStream.range(0, 60).mapToObj(i -> "\"extra" + i + "\":\"" + "x".repeat(10_000) + "\"")
                .collect(Collectors.joining(","));

        HttpResponse<String> posted = post(event(VARIABLES + "," + many, null));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        JsonNode stored = get(posted);
        assertThat(stored.path("variables").path("extra59").asString()).hasSize(10_000);
    }

    @Test
    void moreVariablesOrLongerValuesThanDocumentedAreRefused() {
        String tooMany = IntStream.range(0, 101).mapToObj(i -> "\"v" + i + "\":\"x\"").collect(Collectors.joining(","));

        refused(post(event(VARIABLES + "," + tooMany, null)), "at most 100 variables");
        refused(post(event(VARIABLES + ",\"long\":\"" + "x".repeat(10_001) + "\"", null)), "longer than 10000");
    }

    @Test
    void aNulCharacterInAnyTextIsRefusedNamingTheField() {
        refused(post(event(VARIABLES + ",\"note\":\"a\\u0000b\"", null)), "variables.note");
        refused(post(event(VARIABLES, null).replace("\"title\":\"Checkout\"", "\"title\":\"Check\\u0000out\"")),
                "subject.title");
        refused(post(event(VARIABLES + ",\"n\\u0000\":\"x\"", null)), "variables.n?");
        refused(post(event(VARIABLES, null).replace("\"type\":\"experiment.guardrail_breached\"",
                "\"idempotencyKey\":\"k\\u0000\",\"type\":\"experiment.guardrail_breached\"")), "idempotencyKey");
    }

    @Test
    void occurredAtOutsideTheDatabasesRangeIsRefusedNeverStoredAsAnotherInstant() {
        refused(post(event(VARIABLES, "1e300")), "occurredAt");
        refused(post(event(VARIABLES, "-1")), "occurredAt");
        refused(post(event(VARIABLES, "\"+20000-01-01T00:00:00Z\"")), "occurredAt");
        refused(post(event(VARIABLES, "\"yesterday\"")), "occurredAt");
        refused(post(event(VARIABLES, "true")), "occurredAt");

        assertThat(get(post(event(VARIABLES, "\"2026-03-01T10:15:30Z\""))).path("occurredAt").asString())
                .isEqualTo("2026-03-01T10:15:30Z");
        assertThat(get(post(event(VARIABLES, "1700000000"))).path("occurredAt").asString())
                .isEqualTo("2023-11-14T22:13:20Z");
    }

    @Test
    void anEventTypeMayNameAsManyVariablesAsAnEventCarriesAndNoMore() {
        String hundred = IntStream.range(0, 100).mapToObj(i -> "\"v" + i + "_" + "x".repeat(58) + "?\"")
                .collect(Collectors.joining(","));
        String threeHundred = IntStream.range(0, 300).mapToObj(i -> "\"variable" + i + "\"")
                .collect(Collectors.joining(","));

        HttpResponse<String> saved = http.put("/api/v1/event-types/anomaly.detected", type(hundred, "\"anomaly\""), auth);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        refused(http.put("/api/v1/event-types/anomaly.detected", type(threeHundred, "\"anomaly\""), auth),
                "at most 100 variables");
    }

    @Test
    void catalogLabelsLongerThanTheirColumnAreRefused() {
        String labels = IntStream.range(0, 10).mapToObj(i -> "\"" + "l".repeat(250) + i + "\"")
                .collect(Collectors.joining(","));

        refused(http.put("/api/v1/event-types/anomaly.detected", type("\"metric\"", labels), auth), "2048");
    }

    private static String event(String variables, String occurredAt) {
        return """
                {"type":"experiment.guardrail_breached","subject":{"type":"experiment","id":"exp-1","title":"Checkout"},
                 "variables":{%s}%s}""".formatted(variables, occurredAt == null ? "" : ",\"occurredAt\":" + occurredAt);
    }

    private static String type(String variables, String labels) {
        return """
                {"variables":[%s],"issueType":"Task","summaryTemplate":"Anomaly","labels":[%s]}""".formatted(variables, labels);
    }

    private HttpResponse<String> post(String body) {
        return http.post("/api/v1/events", body, auth);
    }

    private JsonNode get(HttpResponse<String> posted) {
        String id = JSON.readTree(posted.body()).path("id").asString();
        return JSON.readTree(http.get("/api/v1/events/" + id, auth).body());
    }

    private static void refused(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("detail").asString()).contains(detail);
    }
}
