package dev.ferry.jira;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns a Jira error answer into a {@link JiraException} carrying Jira's own words. */
final class JiraErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JiraErrors() {
    }

    static JiraException from(JiraRequest request, HttpResponse<String> response) {
        int status = response.statusCode();
        String words = words(response.body());
        String message = request.describe() + " answered " + status + (words.isEmpty() ? "" : ": " + words);
        if (status / 100 == 3) {
            // Ferry follows no redirect (one could lead anywhere, even inside Ferry's own network): the URL is wrong.
            String to = response.headers().firstValue("Location").orElse("elsewhere");
            return new JiraException(JiraException.Kind.NOT_FOUND, status, request.describe() + " answered " + status
                    + ", a redirect to " + to + ", which Ferry does not follow", "redirected to " + to, null);
        }
        JiraException.Kind kind = status == 401 && TokenTimeRefusals.about(response) ? JiraException.Kind.CLOCK_SKEW
                : kind(status);
        return new JiraException(kind, status, message, words, retryAfter(response).orElse(null))
                .withFieldErrors(fieldErrors(response.body()));
    }

    /** Jira's {@code errors} member, field by field, in Jira's order; empty when the body has none. */
    private static Map<String, String> fieldErrors(String body) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            JSON.readTree(body == null || body.isBlank() ? "{}" : body).path("errors").properties()
                    .forEach(field -> errors.put(field.getKey(), field.getValue().asString()));
        } catch (JacksonException notJson) {
            return Map.of();
        }
        return errors;
    }

    /** Jira could not be reached, or the connection broke before its answer arrived. */
    static JiraException unreachable(JiraRequest request, Exception cause) {
        JiraException failure = new JiraException(JiraException.Kind.UNAVAILABLE, 0,
                request.describe() + " failed: " + cause, null);
        // Kept so a person can be told which: the name did not resolve, the connection was refused, or time ran out.
        failure.initCause(cause);
        return failure;
    }

    static JiraException.Kind kind(int status) {
        return switch (status) {
            case 401 -> JiraException.Kind.UNAUTHORIZED;
            case 403 -> JiraException.Kind.DENIED;
            case 404, 410 -> JiraException.Kind.NOT_FOUND;
            case 429 -> JiraException.Kind.RATE_LIMITED;
            case 408 -> JiraException.Kind.UNAVAILABLE;
            default -> status >= 500 ? JiraException.Kind.UNAVAILABLE : JiraException.Kind.INVALID;
        };
    }

    /** Jira's error body: {@code {"errorMessages": [...], "errors": {"field": "message"}}}. */
    private static String words(String body) {
        List<String> messages = new ArrayList<>();
        try {
            JsonNode error = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            error.path("errorMessages").forEach(message -> messages.add(message.asString()));
            error.path("errors").properties().forEach(field -> messages.add(field.getKey() + ": " + field.getValue().asString()));
        } catch (JacksonException notJson) {
            return "";
        }
        return String.join("; ", messages);
    }

    static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(JiraErrors::seconds);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }
}
