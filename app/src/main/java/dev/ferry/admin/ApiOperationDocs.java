package dev.ferry.admin;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the generated OpenAPI document from {@code api-docs/operations.yml}: each operation's id, summary,
 * description, examples and success statuses, and the problem+json answers it can give. The words live in
 * one resource file rather than in annotations, so controllers stay thin; SnakeYAML reads it because its
 * examples share parts through anchors, which Jackson's YAML reader does not resolve.
 */
@Component
class ApiOperationDocs implements OpenApiCustomizer, OperationCustomizer {

    static final String RESOURCE = "api-docs/operations.yml";
    static final String PROBLEM = "Problem";
    /** Carries a handler's {@code @RequiresScope} from its operation to {@link #customise}, which removes it. */
    private static final String SCOPE = "x-ferry-scope";

    private final ApiDocs docs;
    private final ProblemAnswers problems;

    ApiOperationDocs() {
        try (var in = new ClassPathResource(RESOURCE).getInputStream()) {
            Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            this.docs = JsonMapper.builder().build().convertValue(yaml, ApiDocs.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.problems = new ProblemAnswers(docs.errors());
    }

    /** The scope comes from the handler the interceptor checks, so the document cannot disagree with it. */
    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ScopeInterceptor.declared(handler).ifPresent(scope -> operation.addExtension(SCOPE, scope.value().value()));
        return operation;
    }

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(PROBLEM, Json31.mapper().convertValue(docs.problemSchema(), Schema.class));
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            ApiDocs.Operation doc = docs.operations().get(method.name() + " " + path);
            String scope = operation.getExtensions() == null ? null : (String) operation.getExtensions().remove(SCOPE);
            if (doc != null) {
                describe(operation, doc, scope);
                problems.add(operation, doc, scope != null, path);
            }
        }));
    }

    private static void describe(Operation operation, ApiDocs.Operation doc, String scope) {
        operation.operationId(doc.operationId()).summary(doc.summary()).description(scope == null
                ? doc.description() : doc.description().strip() + "\n\nNeeds an API key with the scope `" + scope + "`.");
        if (operation.getRequestBody() != null && doc.request() != null) {
            operation.getRequestBody().getContent().values().forEach(media -> media.setExample(doc.request()));
        }
        successes(operation.getResponses(), doc.responses());
    }

    /** Puts each documented success under its real status, carrying over the schema springdoc found. */
    private static void successes(ApiResponses responses, Map<String, ApiDocs.Answer> documented) {
        Content generated = responses.values().stream().map(ApiResponse::getContent).filter(c -> c != null)
                .findFirst().orElse(null);
        List.copyOf(responses.keySet()).stream().filter(code -> code.startsWith("2") && !documented.containsKey(code))
                .forEach(responses::remove);
        documented.forEach((code, answer) -> {
            ApiResponse response = responses.computeIfAbsent(code, missing -> new ApiResponse().content(generated));
            response.description(answer.description());
            if (answer.example() == null) {
                response.content(null);
            } else if (response.getContent() != null) {
                response.getContent().values().forEach(media -> media.setExample(answer.example()));
            }
        });
    }
}
