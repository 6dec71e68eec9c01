package dev.ferry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A product API body that cannot be taken is one problem titled "Invalid request body" whose {@code errors}
 * name each field (a JSON Pointer and its dotted name) and what was expected there, all of them at once.
 */
@FerryIntegrationTest
class RequestBodyProblemsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SUBJECT = "\"subject\":{\"type\":\"experiment\",\"id\":\"exp-1\",\"title\":\"Checkout\"}";

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
    void aTypoInAFieldNameIsRefusedAsAnUnknownFieldNotAsAMissingOne() {
        JsonNode problem = invalid(post("{\"type\":\"experiment.guardrail_breached\"," + SUBJECT
                + ",\"varibles\":{\"experimentName\":\"Checkout\"}}"));

        assertThat(problem.path("errors")).hasSize(1);
        assertThat(problem.path("errors").path(0).path("pointer").asString()).isEqualTo("/varibles");
        assertThat(problem.path("errors").path(0).path("detail").asString()).startsWith("unknown field varibles")
                .contains("variables");
        assertThat(problem.path("detail").asString()).doesNotContain("missing");
    }

    @Test
    void everyUnknownFieldAndWrongTypeInOneBodyIsListedInOneAnswer() {
        JsonNode problem = invalid(post("""
                {"type":{"name":"x"},"subject":5,"varibles":{},"idempotencyKey":["k"],
                 "extra":{"nested":[1,2]}}"""));

        assertThat(errors(problem)).containsExactlyInAnyOrder(
                "/type: type must be text, not an object",
                "/subject: subject must be an object, not the number 5",
                "/varibles: unknown field varibles; known fields: type, subject, variables, occurredAt, idempotencyKey",
                "/idempotencyKey: idempotencyKey must be text, not an array",
                "/extra: unknown field extra; known fields: type, subject, variables, occurredAt, idempotencyKey");
    }

    @Test
    void aNestedUnknownFieldIsNamedByItsPath() {
        JsonNode problem = invalid(post("{\"type\":\"experiment.guardrail_breached\",\"subject\":{\"type\":\"experiment\","
                + "\"id\":\"exp-1\",\"titel\":\"Checkout\"}}"));

        assertThat(errors(problem)).singleElement().asString().startsWith("/subject/titel: unknown field subject.titel");
    }

    @Test
    void malformedJsonIsRefusedSayingWhereItBroke() {
        JsonNode problem = invalid(post("{\"type\":\"a\",\n \"subject\": {\"id\": }"));

        assertThat(errors(problem)).singleElement().asString().startsWith("/subject/id: the body is not well-formed JSON (line 2, column");
    }

    @Test
    void anEmptyOrBlankBodyIsRefusedSayingABodyIsExpected() {
        assertThat(errors(invalid(post("")))).containsExactly(": the request has no body; this call takes a JSON object");
        assertThat(errors(invalid(post("  \n")))).containsExactly(": the request has no body; this call takes a JSON object");
    }

    @Test
    void aBodyOfTheWrongKindOrWithTrailingTextIsRefused() {
        assertThat(errors(invalid(post("[1]")))).containsExactly(": the body must be an object, not an array");
        assertThat(errors(invalid(post("{\"type\":\"a\"," + SUBJECT + "} {}"))))
                .containsExactly(": the body goes on after its JSON value");
    }

    @Test
    void everyRefusedFieldOfAnEventIsListedTogetherWithWhatItTakes() {
        JsonNode problem = invalid(post("""
                {"type":"experiment.guardrail_breached","subject":{"type":"Experiment!","id":"exp-1","title":""},
                 "variables":{"experimentName":{"a":1}},"occurredAt":"yesterday"}"""));

        assertThat(errors(problem)).containsExactlyInAnyOrder(
                "/variables/experimentName: variable experimentName must be text, a number or a boolean",
                "/variables: missing variables for experiment.guardrail_breached: experimentName, guardrailMetric, "
                        + "observedValue, thresholdValue, breachDirection, detectedAt",
                "/subject/type: subject.type must be lower case letters, digits, '_', '.' or '-', at most 64 characters",
                "/subject/title: subject.title must be 1 to 1024 characters",
                "/occurredAt: occurredAt must be an ISO-8601 instant (or epoch seconds) from 1970-01-01T00:00:00Z to "
                        + "9999-12-31T23:59:59.999999Z");
    }

    @Test
    void everyRefusedFieldOfAnEventTypeIsListedTogether() {
        JsonNode problem = invalid(http.put("/api/v1/event-types/anomaly.detected",
                "{\"variables\":[\"bad name\"],\"issueType\":\"\",\"summaryTemplate\":\"\",\"labels\":[\"a b\"]}", auth));

        assertThat(errors(problem)).containsExactlyInAnyOrder(
                "/variables: variables are plain names, optionally ending in '?'",
                "/issueType: issueType is required, at most 255 characters",
                "/summaryTemplate: summaryTemplate must be 1 to 2048 characters",
                "/labels: labels must be words without spaces or commas");
    }

    @Test
    void aChunkedBodyOverTheLimitIsStillRefusedAsTooLargeNotAsInvalid() {
        String huge = "{\"type\":\"" + "x".repeat(1_100_000) + "\"}";

        HttpResponse<String> response = http.postChunked("/api/v1/events", huge, auth);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("title").asString()).isEqualTo("Request body too large");
    }

    @Test
    void beanValidationRefusalsHaveTheSameShapeAndTitle() {
        JsonNode problem = invalid(http.post("/api/v1/test-validated", "{\"name\":\" \",\"items\":[{\"label\":\"\"}]}", auth));

        assertThat(errors(problem)).containsExactlyInAnyOrder("/name: name must not be blank",
                "/items/0/label: items[0].label must not be blank");
    }

    @Test
    void spring_sOwnProblemsAreTitledLikeFerry_s() {
        String missing = http.get("/api/v1/no-such-thing", auth).body();
        String unknownEvent = http.get("/api/v1/events/no-such-event", auth).body();
        String wrongMethod = http.delete("/api/v1/events", auth).body();

        assertThat(JSON.readTree(missing).path("title").asString()).isEqualTo("Not found");
        assertThat(JSON.readTree(unknownEvent).path("title").asString()).isEqualTo("Not found");
        assertThat(JSON.readTree(wrongMethod).path("title").asString()).isEqualTo("Method not allowed");
    }

    private HttpResponse<String> post(String body) {
        return http.post("/api/v1/events", body, auth);
    }

    private static JsonNode invalid(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("title").asString()).as(response.body()).isEqualTo("Invalid request body");
        assertThat(response.body()).doesNotContain("dev.ferry").doesNotContain("java.").doesNotContain("Exception");
        return problem;
    }

    /** Each error as {@code pointer: detail}. */
    private static List<String> errors(JsonNode problem) {
        return problem.path("errors").valueStream()
                .map(error -> error.path("pointer").asString() + ": " + error.path("detail").asString()).toList();
    }

    /** An API endpoint whose body carries Bean Validation constraints. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ValidatedEndpoint {

        @Bean
        Validated validated() {
            return new Validated();
        }
    }

    @RestController
    static class Validated {

        record Item(@NotBlank String label) {
        }

        record Body(@NotBlank String name, List<@Valid Item> items) {
        }

        @PostMapping("/api/v1/test-validated")
        @RequiresScope(ApiScope.EVENTS_WRITE)
        String post(@Valid @RequestBody Body body) {
            return "ok";
        }
    }
}
