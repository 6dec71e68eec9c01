package dev.ferry.admin;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import java.util.TreeMap;

/**
 * The problem+json answers an operation can give: those of every call (400, 401, 403, 429, 503), 404 where
 * the path names something, 413 where a body is taken, and the operation's own (409, 502…).
 */
final class ProblemAnswers {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final Map<String, ApiDocs.Answer> answers;

    ProblemAnswers(Map<String, ApiDocs.Answer> answers) {
        this.answers = answers;
    }

    /** @param scoped whether the call takes an API key with a scope (the operator's endpoint takes neither) */
    void add(Operation operation, ApiDocs.Operation doc, boolean scoped, String path) {
        Map<String, String> codes = new TreeMap<>();
        for (String code : new String[] {"400", "401", "429", "503"}) {
            codes.put(code, null);
        }
        if (scoped) {
            codes.put("403", null);
        }
        if (path.contains("{")) {
            codes.put("404", null);
        }
        if (operation.getRequestBody() != null) {
            codes.put("413", null);
        }
        if (doc.errors() != null) {
            codes.putAll(doc.errors());
        }
        codes.forEach((code, meaning) -> operation.getResponses().addApiResponse(code, answer(code, meaning)));
    }

    private ApiResponse answer(String code, String meaning) {
        ApiDocs.Answer standard = answers.get(code);
        if (standard == null) {
            throw new IllegalStateException(ApiOperationDocs.RESOURCE + " has no standard answer for " + code);
        }
        ApiResponse response = new ApiResponse().description(meaning != null ? meaning : standard.description())
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + ApiOperationDocs.PROBLEM))
                        .example(standard.example())));
        switch (code) {
            case "401" -> response.addHeaderObject("WWW-Authenticate", header("The bearer challenge (RFC 6750)"));
            case "429", "503" -> response.addHeaderObject("Retry-After", header("Seconds to wait before trying again"));
            default -> {
            }
        }
        return response;
    }

    private static Header header(String description) {
        return new Header().description(description)
                .schema(Json31.mapper().convertValue(Map.of("type", "string"), Schema.class));
    }
}
