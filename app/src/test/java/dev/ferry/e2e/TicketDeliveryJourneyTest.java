package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.link.ReconcileRun;
import dev.ferry.panel.GlanceDrain;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.RecordedCall;
import dev.ferry.simulator.fault.Fault;
import dev.ferry.support.CleanDatabase;
import dev.ferry.support.ConfigurePageVisit;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A product posts events to Ferry over HTTP and tickets appear in the simulated Jira: filed with the
 * preset's fields, commented on while open, filed anew once done, never twice under throttling, crashes
 * or concurrency, and parked then resumed when Jira refuses credentials, the project or the issue type.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"ferry.admin.operator-token=" + TicketDeliveryJourneyTest.OPERATOR,
                "ferry.jira.backoff-initial=20ms", "ferry.jira.backoff-max=200ms", "ferry.jira.max-inline-wait=1500ms",
                "ferry.jira.requests-per-second=1000"})
@ActiveProfiles("test")
@ExtendWith(CleanDatabase.class)
class TicketDeliveryJourneyTest {

    static final String OPERATOR = "operator-token-for-tests-only";
    static final JiraSimulator jira = JiraSimulator.start();
    static final int PORT = FerryBesideJira.freePort();
    static final String FERRY = FerryBesideJira.baseUrl(PORT);

    @Autowired
    ApplicationContext context;

    ProductApi api;
    String destination;
    String clientKey;

    @DynamicPropertySource
    static void ferryTalksToTheSimulator(DynamicPropertyRegistry registry) {
        FerryBesideJira.register(registry, jira, PORT);
    }

    @AfterAll
    static void stopSimulator() {
        jira.close();
    }

    @BeforeEach
    void aLinkedSiteWithADestination() {
        jira.reset();
        assertThat(jira.site().install(FERRY).status()).isEqualTo(204);
        clientKey = jira.site().identity().clientKey();
        api = ProductApi.newOrganization(FERRY, OPERATOR, "Acme Experiments");
        assertThat(api.post("/api/v1/sites", "{\"site\":\"" + clientKey + "\"}").status()).isEqualTo(202);
        assertThat(ConfigurePageVisit.confirmEveryRequest(jira.site().configurePageUrl())).isEqualTo(1);
        ProductApi.Reply created = api.post("/api/v1/destinations", "{\"site\":\"" + clientKey + "\",\"projectKey\":\"FERRY\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("state").asString()).isEqualTo("ACTIVE");
        destination = created.json().path("id").asString();
    }

    @Test
    void anEventFilesATicketWithThePresetsFieldsAndLinksItBack() {
        String eventId = post(guardrail("exp-1", "Checkout redesign", null));
        DeliveryDrain.drain(context);

        JsonNode event = api.get("/api/v1/events/" + eventId).json();
        assertThat(event.path("outcome").asString()).isEqualTo("delivered");
        JsonNode delivery = event.path("deliveries").get(0);
        assertThat(delivery.path("status").asString()).isEqualTo("DONE");
        assertThat(delivery.path("outcome").asString()).isEqualTo("CREATED");
        String key = delivery.path("issueKey").asString();

        var fields = jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("fields");
        assertThat(fields.path("summary").asText()).isEqualTo("[Guardrail] Error rate breached on Checkout redesign");
        assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Bug");
        assertThat(fields.path("priority").path("name").asText()).isEqualTo("High");
        assertThat(fields.path("labels").toString()).isEqualTo("[\"incident\"]");
        assertThat(fields.path("description").toString()).contains("inlineCard").contains("https://exp.example/exp-1");
        assertThat(jira.data().issueProperty(key, "ferry-delivery")).isPresent();
        assertThat(calls("POST", "/rest/api/3/issue/" + delivery.path("issueId").asString() + "/remotelink")
                + calls("POST", "/rest/api/3/issue/" + key + "/remotelink")).isEqualTo(1);

        JsonNode links = api.get("/api/v1/links?subjectType=experiment&subjectId=exp-1").json();
        assertThat(links).hasSize(1);
        assertThat(links.get(0).path("issueKey").asString()).isEqualTo(key);
        assertThat(links.get(0).path("eventType").asString()).isEqualTo("experiment.guardrail_breached");
        assertThat(links.get(0).path("issueUrl").asString()).isEqualTo(jira.baseUrl() + "/browse/" + key);
        assertThat(api.get("/api/v1/audit?action=ISSUE_CREATED").json().toString()).contains(key);

        assertThat(GlanceDrain.drain(context)).isEqualTo(1);
        assertThat(jira.data().issueProperty(key, PanelsWithJiraTest.BADGE).orElseThrow().path("value").path("label")
                .asText()).isEqualTo("1");
        jira.assertNoSpecViolations();
    }

    @Test
    void aTicketIsLinkedByKeyByHandAndUnlinkedAuditedBothWays() {
        String key = jira.admin().createIssue("FERRY", "Task", "Filed by a person");
        String link = """
                {"site":"%s","issueKey":"%s","subject":{"type":"monitor","id":"m-1","title":"Freshness","url":"https://dq.example/m-1"}}"""
                .formatted(clientKey, key);
        ProductApi.Reply linked = api.post("/api/v1/links", link);
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertThat(linked.json().path("origin").asString()).isEqualTo("MANUAL");
        assertThat(linked.json().path("statusCategory").asString()).isEqualTo("new");
        assertThat(api.get("/api/v1/links?subjectType=monitor&subjectId=m-1").json()).hasSize(1);
        assertThat(calls("POST", "/rest/api/3/issue")).as("an existing ticket is not touched").isZero();

        refused(api.post("/api/v1/links", link.replace(key, "FERRY-99999")), 404, "FERRY-99999");
        refused(api.post("/api/v1/links", link.replace(key, "not a key")), 400, "issueKey");
        refused(ProductApi.newOrganization(FERRY, OPERATOR, "Other").delete("/api/v1/links/" + linked.json().path("id")),
                404, "");

        assertThat(api.delete("/api/v1/links/" + linked.json().path("id")).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/links?subjectType=monitor&subjectId=m-1").json()).isEmpty();
        String audit = api.get("/api/v1/audit").json().toString();
        assertThat(audit).contains("LINK_CREATED_MANUALLY").contains("LINK_REMOVED");
    }

    @Test
    void aPreviewRendersARuleAgainstSampleVariablesAndFilesNothing() {
        jira.reset();
        ProductApi.Reply preview = api.post("/api/v1/destinations/" + destination
                + "/rules/experiment.guardrail_breached/preview",
                "{\"variables\":{\"experimentName\":\"Checkout\",\"guardrailMetric\":\"Latency <p95>\"}}");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().path("summary").asString()).isEqualTo("[Guardrail] Latency <p95> breached on Checkout");
        assertThat(preview.json().path("description").path("type").asString()).isEqualTo("doc");

        ProductApi.Reply draft = api.post("/api/v1/templates/preview", """
                {"summaryTemplate":"{{a}} and {{unknown}}!","descriptionFormat":"TEXT","descriptionTemplate":"Line {{a}}",
                 "sample":{"variables":{"a":"x & y"}}}""");
        assertThat(draft.json().path("summary").asString()).isEqualTo("x & y and !");
        assertThat(draft.json().path("description").toString()).contains("Line x & y");
        refused(api.post("/api/v1/templates/preview", """
                {"summaryTemplate":"x","descriptionFormat":"ADF","descriptionTemplate":"{\\"type\\":\\"doc\\"}"}"""), 400, "");
        assertThat(jira.calls()).isEmpty();
    }

    @Test
    void anEventTypeAddedToTheCatalogFilesNothingUntilItsRuleIsSwitchedOn() {
        ProductApi.Reply added = api.put("/api/v1/event-types/anomaly.detected", """
                {"variables":["monitorName","metric","observedValue","resultsUrl?"],"issueType":"Task",
                 "summaryTemplate":"[Anomaly] {{metric}} on {{monitorName}}","labels":["data-quality"]}""");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().path("enabled").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/event-types").json().toString()).contains("anomaly.detected");
        String anomaly = """
                {"type":"anomaly.detected","subject":{"type":"monitor","id":"m-2","title":"Orders"},
                 "variables":{"monitorName":"Orders","metric":"row count","observedValue":12}}""";
        assertThat(api.post("/api/v1/events", anomaly).json().path("deliveries").asInt()).isZero();

        assertThat(api.put("/api/v1/destinations/" + destination + "/rules/anomaly.detected", """
                {"enabled":true,"issueType":"Task","summaryTemplate":"[Anomaly] {{metric}} on {{monitorName}}","labels":["data-quality"]}""")
                .status()).isEqualTo(200);
        String eventId = post(anomaly);
        DeliveryDrain.drain(context);
        JsonNode delivery = api.get("/api/v1/events/" + eventId).json().path("deliveries").get(0);
        assertThat(delivery.path("status").asString()).isEqualTo("DONE");
        assertThat(jira.data().issueJson(delivery.path("issueKey").asString(), jira.baseUrl()).orElseThrow()
                .path("fields").path("summary").asText()).isEqualTo("[Anomaly] row count on Orders");
    }

    @Test
    void aDeliveryJiraRefusesIsFailedWithJirasWordsAndCanBeRetried() {
        jira.faults().add("POST", "/rest/api/3/issue", Fault.fieldError("summary", "Summary is required by a workflow"), 1);
        String eventId = post(guardrail("exp-14", "Refused", null));
        DeliveryDrain.drain(context);
        JsonNode failed = api.get("/api/v1/events/" + eventId).json();
        assertThat(failed.path("outcome").asString()).isEqualTo("failed");
        JsonNode delivery = failed.path("deliveries").get(0);
        assertThat(delivery.path("lastError").asString()).contains("Summary is required by a workflow");
        JsonNode log = api.get("/api/v1/deliveries?status=failed").json().path("deliveries");
        assertThat(log).hasSize(1);
        assertThat(log.get(0).path("id").asLong()).isEqualTo(delivery.path("id").asLong());
        assertThat(log.get(0).path("eventType").asString()).isEqualTo("experiment.guardrail_breached");
        assertThat(log.get(0).path("projectKey").asString()).isEqualTo("FERRY");
        assertThat(log.get(0).path("lastError").asString()).contains("Summary is required by a workflow");
        refused(api.get("/api/v1/deliveries?status=lost"), 400, "status must be one of");

        assertThat(api.post("/api/v1/deliveries/" + delivery.path("id").asLong() + "/retry", "{}").status()).isEqualTo(202);
        DeliveryDrain.drain(context);
        assertThat(api.get("/api/v1/events/" + eventId).json().path("outcome").asString()).isEqualTo("delivered");
        refused(api.post("/api/v1/deliveries/" + delivery.path("id").asLong() + "/retry", "{}"), 409, "is finished");
        assertThat(api.get("/api/v1/deliveries").json().path("deliveries").get(0).path("status").asString())
                .isEqualTo("DONE");
    }

    @Test
    void theProductApiIsDescribedByAnOpenApiDocument() {
        ProductApi.Reply document = new ProductApi(FERRY, "").get("/api/v1/openapi.json");
        assertThat(document.status()).isEqualTo(200);
        JsonNode paths = document.json().path("paths");
        assertThat(paths.has("/api/v1/events")).isTrue();
        assertThat(paths.has("/api/v1/links")).isTrue();
        assertThat(paths.has("/api/v1/destinations/{id}/rules/{eventType}")).isTrue();
        assertThat(paths.has("/api/v1/destinations/{id}/test-ticket")).isTrue();
        assertThat(paths.has("/api/v1/destinations/{id}/test-tickets/{issueKey}")).isTrue();
        assertThat(paths.has("/api/v1/deliveries")).isTrue();
        assertThat(paths.has("/api/v1/sites/requests/{id}/confirm")).isTrue();
        assertThat(paths.path("/api/v1/sites").path("post").path("responses").path("202").toString())
                .contains("LinkRequestView");
        assertThat(document.body()).doesNotContain("ApiCaller").doesNotContain("/webhooks/").doesNotContain("/lifecycle/");
        assertThat(document.json().path("components").path("securitySchemes").has("apiKey")).isTrue();
    }

    @Test
    void theSameEventWhileTheTicketIsOpenCommentsAndOnceDoneFilesANewOne() {
        post(guardrail("exp-2", "Pricing page", null));
        DeliveryDrain.drain(context);
        int issues = jira.data().issueCount();

        String again = post(guardrail("exp-2", "Pricing page", null));
        DeliveryDrain.drain(context);
        JsonNode comment = api.get("/api/v1/events/" + again).json().path("deliveries").get(0);
        assertThat(comment.path("outcome").asString()).isEqualTo("COMMENTED");
        assertThat(jira.data().issueCount()).isEqualTo(issues);
        String key = comment.path("issueKey").asString();
        assertThat(jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("fields").path("comment")
                .path("total").asInt()).isEqualTo(1);

        jira.admin().transition(key, "Done");
        String third = post(guardrail("exp-2", "Pricing page", null));
        DeliveryDrain.drain(context);
        JsonNode refiled = api.get("/api/v1/events/" + third).json().path("deliveries").get(0);
        assertThat(refiled.path("outcome").asString()).isEqualTo("CREATED");
        assertThat(refiled.path("issueKey").asString()).isNotEqualTo(key);
        assertThat(jira.data().issueCount()).isEqualTo(issues + 1);
        assertThat(api.get("/api/v1/links?subjectType=experiment&subjectId=exp-2").json()).hasSize(2);
        jira.assertNoSpecViolations();
    }

    @Test
    void theSameIdempotencyKeyTwiceIsOneEvent() {
        String body = guardrail("exp-3", "Search ranking", "fire-42");
        String first = post(body);
        ProductApi.Reply repeat = api.post("/api/v1/events", body);
        assertThat(repeat.status()).isEqualTo(202);
        assertThat(repeat.json().path("id").asString()).isEqualTo(first);
        assertThat(repeat.json().path("duplicate").asBoolean()).isTrue();
        DeliveryDrain.drain(context);
        assertThat(calls("POST", "/rest/api/3/issue")).isEqualTo(1);
    }

    @Test
    void concurrentFiringsForOneObjectFileOneTicketAndCommentTheRest() throws Exception {
        int before = jira.data().issueCount();
        for (int i = 0; i < 6; i++) {
            post(guardrail("exp-4", "Onboarding", null));
        }
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            nodes.submit(() -> DeliveryDrain.drain(context));
        }
        nodes.shutdown();
        assertThat(nodes.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        drainUntilSettled();
        assertThat(jira.data().issueCount()).isEqualTo(before + 1);
        assertThat(calls("POST", "/rest/api/3/issue")).isEqualTo(1);
        JsonNode links = api.get("/api/v1/links?subjectType=experiment&subjectId=exp-4").json();
        String key = links.get(0).path("issueKey").asString();
        assertThat(jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("fields").path("comment")
                .path("total").asInt()).isEqualTo(5);
    }

    @Test
    void aStormOf429sDelaysDeliveriesButLosesAndDoublesNone() {
        jira.faults().add("POST", "/rest/api/3/issue", Fault.rateLimited(Duration.ofSeconds(1), "jira-quota-tenant-based"), 12);
        int before = jira.data().issueCount();
        for (int i = 0; i < 5; i++) {
            post(guardrail("storm-" + i, "Storm " + i, null));
        }
        drainUntilSettled();
        assertThat(jira.data().issueCount()).isEqualTo(before + 5);
        assertThat(jira.calls().stream().filter(call -> call.status() == 429).count()).isEqualTo(12);
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/v1/links?subjectType=experiment&subjectId=storm-" + i).json()).hasSize(1);
        }
    }

    @Test
    void aWorkerThatDiesAfterJiraCreatedTheTicketLeavesNoDuplicate() {
        jira.faults().add("POST", "/rest/api/3/issue", Fault.answerLost(), 1);
        int before = jira.data().issueCount();
        String eventId = post(guardrail("exp-5", "Crash course", null));

        DeliveryDrain.drain(context);
        assertThat(jira.data().issueCount()).as("Jira created it, Ferry never heard").isEqualTo(before + 1);
        assertThat(api.get("/api/v1/events/" + eventId).json().path("outcome").asString()).isEqualTo("pending");

        DeliveryDrain.timePasses(context);
        DeliveryDrain.drain(context);
        JsonNode delivery = api.get("/api/v1/events/" + eventId).json().path("deliveries").get(0);
        assertThat(delivery.path("status").asString()).isEqualTo("DONE");
        assertThat(delivery.path("outcome").asString()).isEqualTo("RECOVERED");
        assertThat(jira.data().issueCount()).isEqualTo(before + 1);
        assertThat(api.get("/api/v1/links?subjectType=experiment&subjectId=exp-5").json()).hasSize(1);
    }

    @Test
    void aWorkerKilledBetweenJirasAnswerAndFerrysRecordLeavesNoDuplicate() {
        int before = jira.data().issueCount();
        String eventId = post(guardrail("exp-16", "Killed worker", null));
        assertThat(DeliveryDrain.drainDyingAfterJiraAnswers(context)).isTrue();
        assertThat(jira.data().issueCount()).as("Jira has the ticket, Ferry has no record of it").isEqualTo(before + 1);

        DeliveryDrain.drain(context);
        assertThat(api.get("/api/v1/events/" + eventId).json().path("outcome").asString())
                .as("the dead worker's lease still holds the delivery").isEqualTo("pending");
        DeliveryDrain.timePasses(context);
        DeliveryDrain.drain(context);
        JsonNode delivery = api.get("/api/v1/events/" + eventId).json().path("deliveries").get(0);
        assertThat(delivery.path("outcome").asString()).isEqualTo("RECOVERED");
        assertThat(jira.data().issueCount()).isEqualTo(before + 1);
        assertThat(calls("POST", "/rest/api/3/issue")).isEqualTo(1);
    }

    @Test
    void aWorkerWhoseClaimRanOutLeavesTheDeliveryToTheWorkerThatClaimedItNext() {
        int before = jira.data().issueCount();
        String eventId = post(guardrail("exp-18", "Stalled worker", null));
        DeliveryDrain.Stalled stalled = DeliveryDrain.claimAndStall(context);
        assertThat(stalled.size()).isEqualTo(1);
        DeliveryDrain.timePasses(context);
        DeliveryDrain.drain(context);

        stalled.resume(context);
        JsonNode delivery = api.get("/api/v1/events/" + eventId).json().path("deliveries").get(0);
        assertThat(delivery.path("outcome").asString()).isEqualTo("CREATED");
        assertThat(jira.data().issueCount()).isEqualTo(before + 1);
        assertThat(calls("POST", "/rest/api/3/issue")).isEqualTo(1);
        assertThat(jira.data().issueJson(delivery.path("issueKey").asString(), jira.baseUrl()).orElseThrow()
                .path("fields").path("comment").path("total").asInt()).as("the stale worker commented").isZero();
    }

    @Test
    void aLostAnswerToACommentLeavesNoSecondComment() {
        post(guardrail("exp-15", "Comment crash", null));
        DeliveryDrain.drain(context);
        jira.faults().add("POST", "/rest/api/3/issue/[^/]+/comment", Fault.answerLost(), 1);
        String again = post(guardrail("exp-15", "Comment crash", null));
        DeliveryDrain.drain(context);
        assertThat(api.get("/api/v1/events/" + again).json().path("outcome").asString()).isEqualTo("pending");

        DeliveryDrain.timePasses(context);
        DeliveryDrain.drain(context);
        JsonNode delivery = api.get("/api/v1/events/" + again).json().path("deliveries").get(0);
        assertThat(delivery.path("status").asString()).isEqualTo("DONE");
        assertThat(jira.data().issueJson(delivery.path("issueKey").asString(), jira.baseUrl()).orElseThrow()
                .path("fields").path("comment").path("total").asInt()).isEqualTo(1);
        jira.assertNoSpecViolations();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT-5M", "PT5M"})
    void jiraRefusingTheTokensTimesIsAClockProblemRetriedNotRejectedCredentials(String jiraClockOffset) {
        jira.clockOffset(Duration.parse(jiraClockOffset));
        String eventId = post(guardrail("exp-clock", "Clock", null));
        DeliveryDrain.drain(context);

        JsonNode retrying = api.get("/api/v1/events/" + eventId).json().path("deliveries").get(0);
        assertThat(retrying.path("status").asString()).isEqualTo("PENDING");
        assertThat(retrying.path("lastError").asString()).contains("clock skew");
        assertThat(api.get("/api/v1/sites").json().path("sites").get(0).path("credentials").path("state").asString())
                .isEqualTo("ok");
        assertThat(health("/actuator/health")).contains("\"status\":\"CLOCK_SKEW\"");

        jira.clockOffset(Duration.ZERO);
        DeliveryDrain.timePasses(context);
        DeliveryDrain.drain(context);
        assertThat(api.get("/api/v1/events/" + eventId).json().path("deliveries").get(0).path("status").asString())
                .isEqualTo("DONE");
        assertThat(health("/actuator/health")).contains("\"status\":\"UP\"");
    }

    /** The node's health: still answered with 200 while Jira refuses its clock, the status being the alert. */
    static String health(String path) {
        var response = new dev.ferry.support.Http(PORT).get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void a401ParksTheSitesDeliveriesUntilJiraInstallsTheAppAgain() {
        jira.faults().add("POST", "/rest/api/3/issue", Fault.unauthorized(), 1);
        String eventId = post(guardrail("exp-6", "Auth", null));
        DeliveryDrain.drain(context);
        JsonNode waiting = api.get("/api/v1/events/" + eventId).json().path("deliveries").get(0);
        assertThat(waiting.path("status").asString()).isEqualTo("WAITING");
        assertThat(api.get("/api/v1/sites").json().toString()).contains("rejected");

        DeliveryDrain.timePasses(context);
        DeliveryDrain.drain(context);
        assertThat(api.get("/api/v1/events/" + eventId).json().path("deliveries").get(0).path("status").asString())
                .as("still parked: nothing changed on the site").isEqualTo("WAITING");

        assertThat(jira.site().reinstall().status()).isEqualTo(204);
        DeliveryDrain.timePasses(context);
        DeliveryDrain.drain(context);
        assertThat(api.get("/api/v1/events/" + eventId).json().path("deliveries").get(0).path("status").asString())
                .isEqualTo("DONE");
    }

    @Test
    void a403DisablesTheDestinationUntilItIsEdited() {
        jira.faults().add("POST", "/rest/api/3/issue", Fault.forbidden(), 1);
        String eventId = post(guardrail("exp-7", "Permissions", null));
        DeliveryDrain.drain(context);
        JsonNode repaired = api.get("/api/v1/destinations/" + destination).json();
        assertThat(repaired.path("state").asString()).isEqualTo("REPAIR");
        assertThat(repaired.path("stateReason").asString()).contains("403");

        String rule = """
                {"enabled":true,"issueType":"Bug","priority":"High","summaryTemplate":"[Guardrail] {{guardrailMetric}} on {{experimentName}}","labels":["incident"]}""";
        assertThat(api.put("/api/v1/destinations/" + destination + "/rules/experiment.guardrail_breached", rule).status())
                .isEqualTo(200);
        DeliveryDrain.drain(context);
        assertThat(api.get("/api/v1/destinations/" + destination).json().path("state").asString()).isEqualTo("ACTIVE");
        assertThat(api.get("/api/v1/events/" + eventId).json().path("deliveries").get(0).path("status").asString())
                .isEqualTo("DONE");
    }

    @Test
    void aRefusedIssueTypeAsksForARefreshWhichRemapsAndResumes() {
        jira.faults().add("POST", "/rest/api/3/issue", Fault.fieldError("issuetype", "Specify a valid issue type"), 1);
        String eventId = post(guardrail("exp-8", "Issue types", null));
        DeliveryDrain.drain(context);
        JsonNode state = api.get("/api/v1/destinations/" + destination).json();
        assertThat(state.path("state").asString()).isEqualTo("REFRESH_ISSUE_TYPES");
        assertThat(state.path("stateReason").asString()).contains("Specify a valid issue type");

        ProductApi.Reply refreshed = api.post("/api/v1/destinations/" + destination + "/refresh-issue-types", "{}");
        assertThat(refreshed.json().path("state").asString()).isEqualTo("ACTIVE");
        DeliveryDrain.drain(context);
        assertThat(api.get("/api/v1/events/" + eventId).json().path("deliveries").get(0).path("status").asString())
                .isEqualTo("DONE");
    }

    @Test
    void aRuleNamingAnIssueTypeTheProjectLacksIsRefusedNamingTheValidOnesAndTheDestinationStaysActive() {
        String rule = """
                {"enabled":true,"issueType":"Epic","summaryTemplate":"[Guardrail] {{experimentName}}","labels":["incident"]}""";

        ProductApi.Reply reply = api.put("/api/v1/destinations/" + destination + "/rules/experiment.guardrail_breached", rule);

        refused(reply, 400, "no issue type named \"Epic\"");
        assertThat(reply.json().path("detail").asString()).contains("Task").contains("Bug").contains("Story");
        JsonNode after = api.get("/api/v1/destinations/" + destination).json();
        assertThat(after.path("state").asString()).isEqualTo("ACTIVE");
        assertThat(after.toString()).doesNotContain("Epic");
        assertThat(api.put("/api/v1/destinations/" + destination + "/rules/experiment.guardrail_breached",
                rule.replace("Epic", "story")).status()).isEqualTo(200);
    }

    @Test
    void ruleLabelsLongerThanTheirColumnAreRefused() {
        String labels = String.join(",", java.util.Collections.nCopies(10, "\"" + "l".repeat(250) + "\""));

        refused(api.put("/api/v1/destinations/" + destination + "/rules/experiment.guardrail_breached",
                "{\"issueType\":\"Bug\",\"summaryTemplate\":\"x\",\"labels\":[" + labels + "]}"), 400, "2048");
        assertThat(api.get("/api/v1/destinations/" + destination).json().path("state").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void theNightlyReconcileBringsStatusesAndMarksDeletedIssuesBroken() {
        post(guardrail("exp-9", "Reconciled", null));
        post(guardrail("exp-10", "Deleted", null));
        DeliveryDrain.drain(context);
        String done = api.get("/api/v1/links?subjectType=experiment&subjectId=exp-9").json().get(0).path("issueKey").asString();
        String gone = api.get("/api/v1/links?subjectType=experiment&subjectId=exp-10").json().get(0).path("issueKey").asString();
        jira.admin().transition(done, "Done");
        jira.data().deleteIssue(gone);

        int[] run = ReconcileRun.now(context);
        assertThat(run[0]).isEqualTo(2);
        assertThat(run[2]).isEqualTo(1);
        assertThat(api.get("/api/v1/links?subjectType=experiment&subjectId=exp-9").json().get(0)
                .path("statusCategory").asString()).isEqualTo("done");
        assertThat(api.get("/api/v1/links?subjectType=experiment&subjectId=exp-10").json().get(0)
                .path("broken").asBoolean()).isTrue();
        assertThat(jira.calls().stream().filter(call -> call.path().equals("/rest/api/3/search/jql")).count()).isEqualTo(1);
        jira.assertNoSpecViolations();
    }

    @Test
    void aTemplateInjectionAttemptStaysValidAdf() {
        String adf = """
                {"version":1,"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Experiment {{experimentName}} at {{observedValue}}"}]}]}""";
        String rule = "{\"enabled\":true,\"issueType\":\"Bug\",\"priority\":\"High\",\"summaryTemplate\":\"{{experimentName}}\","
                + "\"descriptionFormat\":\"ADF\",\"descriptionTemplate\":" + ProductApi.JSON.writeValueAsString(adf)
                + ",\"labels\":[\"incident\"]}";
        assertThat(api.put("/api/v1/destinations/" + destination + "/rules/experiment.guardrail_breached", rule).status())
                .isEqualTo(200);
        String hostile = "\\\"}]}],\\\"type\\\":\\\"x\\\",{{observedValue}}";
        String eventId = post(guardrail("exp-11", hostile, null));
        DeliveryDrain.drain(context);
        JsonNode delivery = api.get("/api/v1/events/" + eventId).json().path("deliveries").get(0);
        assertThat(delivery.path("status").asString()).as(delivery.toString()).isEqualTo("DONE");
        var description = jira.data().issueJson(delivery.path("issueKey").asString(), jira.baseUrl()).orElseThrow()
                .path("fields").path("description");
        assertThat(description.path("type").asText()).isEqualTo("doc");
        assertThat(description.toString()).contains("\\\"}]}],\\\"type\\\":\\\"x\\\"");
        jira.assertNoSpecViolations();
    }

    @Test
    void badInputGetsAProblemStoresNothingAndSendsNothingToJira() {
        ProductApi other = ProductApi.newOrganization(FERRY, OPERATOR, "Someone else");
        String ownEvent = post(guardrail("exp-12", "Mine", null));
        DeliveryDrain.drain(context);
        jira.reset();
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        String counts = "select (select count(*) from product_event) || '/' || (select count(*) from ticket_delivery)"
                + " || '/' || (select count(*) from delivery_rule where version > 0)";
        String before = jdbc.sql(counts).query(String.class).single();

        refused(api.post("/api/v1/events", guardrail("exp-13", "x", null).replace("guardrail_breached", "made_up")),
                400, "unknown event type");
        refused(api.post("/api/v1/events", guardrail("exp-13", "x", null).replace("\"guardrailMetric\":\"Error rate\",", "")),
                400, "guardrailMetric");
        refused(api.post("/api/v1/events", guardrail("exp-13", "x".repeat(10_001), null)), 400, "longer than");
        refused(api.post("/api/v1/events", "{\"type\":"), 400, "");
        refused(api.post("/api/v1/events", guardrail("exp-13", "x", null).replace("https://exp.example/exp-13\"", "javascript:alert(1)\"")),
                400, "subject.url");
        String badAdf = "{\"enabled\":true,\"issueType\":\"Bug\",\"summaryTemplate\":\"x\",\"descriptionFormat\":\"ADF\","
                + "\"descriptionTemplate\":\"{\\\"version\\\":1,\\\"type\\\":\\\"doc\\\",\\\"content\\\":[{\\\"type\\\":\\\"heading\\\"}]}\",\"labels\":[]}";
        refused(api.put("/api/v1/destinations/" + destination + "/rules/experiment.guardrail_breached", badAdf), 400, "");
        refused(api.put("/api/v1/destinations/" + destination + "/rules/experiment.guardrail_breached",
                "{\"issueType\":\"Bug\",\"summaryTemplate\":\"x\",\"descriptionFormat\":\"ADF\",\"descriptionTemplate\":\"not json\"}"),
                400, "");
        refused(api.get("/api/v1/destinations/no-such-destination"), 404, "");
        refused(api.post("/api/v1/destinations", "{\"site\":\"" + clientKey + "\",\"projectKey\":\"FERRY\"}"), 409, "");
        refused(other.get("/api/v1/destinations/" + destination), 404, "");
        refused(other.put("/api/v1/destinations/" + destination + "/rules/experiment.guardrail_breached",
                "{\"issueType\":\"Bug\",\"summaryTemplate\":\"x\"}"), 404, "");
        refused(other.get("/api/v1/events/" + ownEvent), 404, "");
        refused(other.post("/api/v1/destinations", "{\"site\":\"" + clientKey + "\",\"projectKey\":\"OPS\"}"), 404, "");
        refused(new ProductApi(FERRY, "fy_nope_nope").post("/api/v1/events", guardrail("exp-13", "x", null)), 401, "");

        assertThat(jdbc.sql(counts).query(String.class).single()).isEqualTo(before);
        assertThat(jira.calls()).as("nothing reaches Jira").isEmpty();
    }

    private static void refused(ProductApi.Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.isProblem()).as(reply.contentType()).isTrue();
        assertThat(reply.json().path("detail").asString("")).contains(detail);
    }

    private void drainUntilSettled() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            DeliveryDrain.drain(context);
            Integer open = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("select count(*) from ticket_delivery where status in ('PENDING', 'WAITING')")
                    .query(Integer.class).single();
            if (open == 0) {
                return;
            }
            DeliveryDrain.timePasses(context);
        }
        throw new AssertionError("deliveries still open after 60 s");
    }

    private long calls(String method, String path) {
        List<RecordedCall> calls = jira.calls();
        return calls.stream().filter(call -> call.method().equals(method) && call.path().equals(path)
                && call.status() / 100 == 2).count();
    }

    private String post(String body) {
        ProductApi.Reply reply = api.post("/api/v1/events", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return reply.json().path("id").asString();
    }

    static String guardrail(String experimentId, String experimentName, String idempotencyKey) {
        return """
                {"type":"experiment.guardrail_breached",
                 "subject":{"type":"experiment","id":"%s","title":"%s","url":"https://exp.example/%s"},
                 "variables":{"experimentName":"%s","guardrailMetric":"Error rate","observedValue":0.052,
                   "thresholdValue":0.03,"breachDirection":"above","detectedAt":"2026-11-25T10:00:00Z",
                   "resultsUrl":"https://exp.example/%s/results"}%s}"""
                .formatted(experimentId, experimentName, experimentId, experimentName, experimentId,
                        idempotencyKey == null ? "" : ",\"idempotencyKey\":\"" + idempotencyKey + "\"");
    }
}
