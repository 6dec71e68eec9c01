package dev.ferry.simulator.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates requests against the Jira platform v3 and Confluence v2 specifications. Loading the Jira
 * spec takes a second or two, so both validators are built once per JVM and shared by every simulator.
 */
public final class SpecCheck {

    private static final String CONFLUENCE_PREFIX = "/wiki/api/v2";
    private static final String UNEXPECTED_QUERY = "validation.request.parameter.query.unexpected";
    /**
     * Paths whose unknown query parameters are violations too. The validator ignores them by default; routes
     * listed here were written against the spec from the start, so a parameter the spec lacks is a bug.
     */
    private static final Set<String> STRICT_QUERY = Set.of("/rest/api/3/auditing/record");
    private static volatile OpenApiInteractionValidator jira;
    private static volatile OpenApiInteractionValidator confluence;

    private SpecCheck() {
    }

    /** The spec's complaints about this request, or empty when it conforms or no spec covers the path. */
    public static Optional<String> problems(String method, String rawPath, String rawQuery, Map<String, String> headers,
            String body) {
        OpenApiInteractionValidator validator = validatorFor(rawPath);
        if (validator == null) {
            return Optional.empty();
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), rawPath);
        headers.forEach(request::withHeader);
        query(rawQuery).forEach(pair -> request.withQueryParam(pair[0], pair[1]));
        if (body != null && !body.isEmpty()) {
            request.withBody(body);
        }
        ValidationReport report = validator.validateRequest(request.build());
        boolean strict = STRICT_QUERY.contains(rawPath);
        List<String> errors = report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR
                        || strict && m.getKey().equals(UNEXPECTED_QUERY))
                .map(m -> m.getKey() + ": " + m.getMessage()).toList();
        return errors.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", errors));
    }

    private static OpenApiInteractionValidator validatorFor(String path) {
        if (path.startsWith("/rest/api/3/") || path.startsWith("/rest/atlassian-connect/1/")) {
            return jira();
        }
        if (path.startsWith(CONFLUENCE_PREFIX + "/")) {
            return confluence();
        }
        return null;
    }

    private static synchronized OpenApiInteractionValidator jira() {
        if (jira == null) {
            jira = OpenApiInteractionValidator.createForInlineApiSpecification(
                    SpecResources.text(SpecResources.JIRA_OPENAPI)).withLevelResolver(unexpectedQueryReported()).build();
        }
        return jira;
    }

    /** Unknown query parameters reported as warnings, so {@link #STRICT_QUERY} can count them. */
    private static LevelResolver unexpectedQueryReported() {
        return LevelResolver.create().withLevel(UNEXPECTED_QUERY, ValidationReport.Level.WARN).build();
    }

    private static synchronized OpenApiInteractionValidator confluence() {
        if (confluence == null) {
            // The spec's server is https://{your-domain}/wiki/api/v2; its paths start after that prefix.
            confluence = OpenApiInteractionValidator.createForInlineApiSpecification(
                    SpecResources.text(SpecResources.CONFLUENCE_OPENAPI))
                    .withBasePathOverride(CONFLUENCE_PREFIX).build();
        }
        return confluence;
    }

    private static List<String[]> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(rawQuery.split("&")).filter(pair -> !pair.isEmpty()).map(pair -> {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            return new String[] {name, value};
        }).toList();
    }
}
