package dev.ferry.simulator.fault;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scripted failure: an HTTP status with Jira's body and headers, a delay, or a dropped connection.
 *
 * @param delay           how long to wait before answering (a timeout, when longer than the client waits)
 * @param resetConnection drop the connection instead of answering
 * @param passThrough     after the delay, serve the real answer (a slow but successful call); with
 *                        {@code resetConnection}, do the work and then drop the connection before answering
 */
public record Fault(int status, String json, Map<String, String> headers, Duration delay, boolean resetConnection,
        boolean passThrough) {

    /** Jira's 429, with the headers its rate limiter sends (PROTOCOL §9). */
    public static Fault rateLimited(Duration retryAfter, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Retry-After", Long.toString(retryAfter.toSeconds()));
        headers.put("X-RateLimit-Limit", "100");
        headers.put("X-RateLimit-Remaining", "0");
        headers.put("X-RateLimit-Reset", DateTimeFormatter.ISO_INSTANT.format(Instant.now().plus(retryAfter)));
        headers.put("RateLimit-Reason", reason);
        return status(429, "Rate limit exceeded.", headers);
    }

    public static Fault serverError(int status) {
        return status(status, "Internal server error", Map.of());
    }

    public static Fault unauthorized() {
        return status(401, "Client must be authenticated to access this resource.", Map.of());
    }

    public static Fault forbidden() {
        return status(403, "You do not have permission to perform this operation.", Map.of());
    }

    public static Fault notFound(String message) {
        return status(404, message, Map.of());
    }

    public static Fault status(int status, String message, Map<String, String> headers) {
        String json = "{\"errorMessages\":[\"" + message.replace("\"", "\\\"") + "\"],\"errors\":{}}";
        return new Fault(status, json, Map.copyOf(headers), Duration.ZERO, false, false);
    }

    /** A field error on create, e.g. {@code issuetype}: "Specify a valid issue type". */
    public static Fault fieldError(String field, String message) {
        String json = "{\"errorMessages\":[],\"errors\":{\"" + field + "\":\"" + message.replace("\"", "\\\"") + "\"}}";
        return new Fault(400, json, Map.of(), Duration.ZERO, false, false);
    }

    public static Fault slow(Duration delay) {
        return new Fault(0, null, Map.of(), delay, false, true);
    }

    public static Fault connectionReset() {
        return new Fault(0, null, Map.of(), Duration.ZERO, true, false);
    }

    /** Jira does the work (creates the issue, adds the comment), then the connection drops: the app never hears. */
    public static Fault answerLost() {
        return new Fault(0, null, Map.of(), Duration.ZERO, true, true);
    }

    /** True when the call is served before the connection drops. */
    public boolean answerLostAfterWork() {
        return resetConnection && passThrough;
    }
}
