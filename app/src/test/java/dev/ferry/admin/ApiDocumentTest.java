package dev.ferry.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product API's OpenAPI document is a reference a developer can work from: every operation says what it
 * does, shows a request and an answer, and lists the problem+json answers it can give.
 */
@FerryIntegrationTest
class ApiDocumentTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Where a controller (or what it calls) answers 409, read from the code's Refusal.conflict calls. */
    static final Set<String> CONFLICTS = Set.of("POST /api/v1/events", "POST /api/v1/deliveries/{id}/retry",
            "POST /api/v1/destinations",
            "PUT /api/v1/destinations/{id}/rules/{eventType}", "POST /api/v1/destinations/{id}/refresh-issue-types",
            "POST /api/v1/destinations/{id}/test-ticket", "PATCH /api/v1/destinations/{id}", "DELETE /api/v1/destinations/{id}/test-tickets/{issueKey}",
            "POST /api/v1/links", "POST /api/v1/sites", "POST /api/v1/sites/requests/{id}/confirm",
            "DELETE /api/v1/sites/requests/{id}", "DELETE /api/v1/sites/{clientKey}", "PATCH /api/v1/connections/{id}",
            "POST /api/v1/callbacks/messages/{id}/retry", "POST /api/v1/connections/{id}/fetch", "POST /api/v1/people",
            "PATCH /api/v1/people/{id}", "POST /api/v1/people/{id}/identities");
    /** The operator's endpoint takes the operator token, which has no scopes to lack. */
    static final String OPERATOR = "POST /api/v1/organizations";

    @LocalServerPort
    int port;
    JsonNode document;

    @BeforeEach
    void setUp() {
        HttpResponse<String> response = new Http(port).get("/api/v1/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        document = JSON.readTree(response.body());
    }

    @Test
    void everyOperationHasASummaryADescriptionAndExamples() {
        List<String> gaps = new ArrayList<>();
        operations().forEach((name, operation) -> {
            require(gaps, name, "a summary", !operation.path("summary").asString("").isBlank());
            require(gaps, name, "a description", !operation.path("description").asString("").isBlank());
            require(gaps, name, "the scope it needs", name.equals(OPERATOR)
                    || operation.path("description").asString("").contains("Needs an API key with the scope `"));
            require(gaps, name, "no internal extension", !operation.has("x-ferry-scope"));
            require(gaps, name, "an operationId without springdoc's _n suffix",
                    operation.path("operationId").asString("").matches("[a-z][A-Za-z]+"));
            if (operation.has("requestBody")) {
                require(gaps, name, "a request example", hasExample(operation.path("requestBody")));
            }
            // Only an answer without a body (204, or the 202 of a retry) goes without an example.
            successes(operation).forEach((code, response) -> require(gaps, name, "an example for " + code,
                    hasExample(response) || (!response.has("content") && Set.of("202", "204").contains(code))));
            require(gaps, name, "a success answer", !successes(operation).isEmpty());
        });
        assertThat(gaps).isEmpty();
    }

    @Test
    void everyOperationListsTheProblemsItCanAnswer() {
        List<String> gaps = new ArrayList<>();
        operations().forEach((name, operation) -> {
            List<String> expected = new ArrayList<>(List.of("400", "401", "429"));
            if (!name.equals(OPERATOR)) {
                expected.add("403");
            }
            if (name.contains("{")) {
                expected.add("404");
            }
            if (operation.has("requestBody")) {
                expected.add("413");
            }
            if (CONFLICTS.contains(name)) {
                expected.add("409");
            }
            JsonNode responses = operation.path("responses");
            expected.forEach(code -> require(gaps, name, "a " + code + " problem answer",
                    responses.path(code).path("content").path("application/problem+json").path("schema").path("$ref")
                            .asString("").equals("#/components/schemas/Problem")
                            && hasExample(responses.path(code))));
        });
        assertThat(gaps).isEmpty();
        assertThat(document.path("components").path("schemas").path("Problem").path("properties").propertyNames())
                .contains("title", "status", "detail", "errors");
    }

    @Test
    void theDocumentIsOpenApi31AndDescribesEveryProductApiOperation() {
        assertThat(document.path("openapi").asString()).startsWith("3.1.");
        assertThat(operations()).hasSize(94).containsKeys("POST /api/v1/events", "GET /api/v1/links", OPERATOR);
    }

    /** An entry left behind by a moved or removed endpoint would describe nothing, silently. */
    @Test
    void everyOperationTheDocsFileDescribesExists() throws Exception {
        try (var in = new ClassPathResource(ApiOperationDocs.RESOURCE).getInputStream()) {
            Map<String, Map<String, Object>> file = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);

            assertThat(file.get("operations").keySet()).containsExactlyInAnyOrderElementsOf(operations().keySet());
        }
    }

    /**
     * swagger-parser (on the test classpath through the simulator's request validator) reads the document as
     * a client generator would, and lists anything that is not valid OpenAPI 3.1.
     */
    @Test
    void theDocumentParsesAsOpenApi31WithoutAnyMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.toString(), null, options);

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(parsed.getOpenAPI().getPaths().get("/api/v1/events").getPost().getResponses().get("400")
                .getContent().get("application/problem+json").getExample()).isNotNull();
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method ->
                operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue())));
        return operations;
    }

    private static Map<String, JsonNode> successes(JsonNode operation) {
        Map<String, JsonNode> successes = new TreeMap<>();
        operation.path("responses").properties().stream().filter(response -> response.getKey().startsWith("2"))
                .forEach(response -> successes.put(response.getKey(), response.getValue()));
        return successes;
    }

    /** An example on some media type of a request body or response. */
    private static boolean hasExample(JsonNode bodyOrResponse) {
        return bodyOrResponse.path("content").valueStream()
                .anyMatch(media -> media.has("example") || media.path("examples").size() > 0);
    }

    private static void require(List<String> gaps, String operation, String what, boolean present) {
        if (!present) {
            gaps.add(operation + " lacks " + what);
        }
    }
}
