package dev.ferry.jira;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns a Jira error answer into a {@link JiraException} carrying Jira's own words. */
final class JiraErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JiraErrors() {
    }

    static JiraException from(String method, URI uri, HttpResponse<String> response) {
        int status = response.statusCode();
        String message = method + " " + uri.getRawPath() + " answered " + status + messages(response.body());
        return new JiraException(kind(status), status, message, retryAfter(response));
    }

    private static JiraException.Kind kind(int status) {
        return switch (status) {
            case 404, 410 -> JiraException.Kind.NOT_FOUND;
            case 401, 403 -> JiraException.Kind.DENIED;
            case 408, 409, 425, 429 -> JiraException.Kind.UNAVAILABLE;
            default -> status >= 500 ? JiraException.Kind.UNAVAILABLE : JiraException.Kind.INVALID;
        };
    }

    /** Jira's error body: {@code {"errorMessages": [...], "errors": {"field": "message"}}}. */
    private static String messages(String body) {
        List<String> messages = new ArrayList<>();
        try {
            JsonNode error = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            error.path("errorMessages").forEach(message -> messages.add(message.asString()));
            error.path("errors").properties().forEach(field -> messages.add(field.getKey() + ": " + field.getValue().asString()));
        } catch (JacksonException notJson) {
            return "";
        }
        return messages.isEmpty() ? "" : ": " + String.join("; ", messages);
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(JiraErrors::seconds).orElse(null);
    }

    private static java.util.Optional<Duration> seconds(String value) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            return java.util.Optional.empty();
        }
    }
}
