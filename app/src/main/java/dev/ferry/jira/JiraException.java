package dev.ferry.jira;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Jira answered a call with an error, or could not be reached; the kind says what a caller may do about it. */
public class JiraException extends RuntimeException {

    /** What went wrong, in the terms a caller acts on. */
    public enum Kind {
        /** 404: the issue or project is not there (deleted behind Ferry's back, or never was). */
        NOT_FOUND,
        /** 401: Jira no longer accepts the app's credentials for the site (revoked secret, uninstalled). */
        UNAUTHORIZED,
        /**
         * 401 because Jira found the token's times wrong (expired, or issued in the future): the clock of the
         * node that signed it is off, the credentials are fine. Retry later, never mark them rejected.
         */
        CLOCK_SKEW,
        /** 403: the app may not do this here (permissions, project access). */
        DENIED,
        /** 400: Jira refused the request itself. */
        INVALID,
        /** 429 after the client's own retries: try again at {@link #retryAfter()} or later. */
        RATE_LIMITED,
        /** 5xx, a timeout or a reset: worth trying again later. */
        UNAVAILABLE,
        /**
         * Never sent: the outbound-address guard refused the address (not Atlassian Cloud, or it resolves
         * inside a private network). A person must change the URL or the setting.
         */
        BLOCKED
    }

    private final Kind kind;
    private final int status;
    private final String jiraMessage;
    private final Duration retryAfter;
    private Map<String, String> fieldErrors = Map.of();

    public JiraException(Kind kind, int status, String message, Duration retryAfter) {
        this(kind, status, message, "", retryAfter);
    }

    /**
     * @param message     for logs: method, path and status (never a token)
     * @param jiraMessage Jira's own words, empty when it said nothing
     */
    public JiraException(Kind kind, int status, String message, String jiraMessage, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.jiraMessage = jiraMessage == null ? "" : jiraMessage;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when Jira could not be reached. */
    public int status() {
        return status;
    }

    /**
     * What Jira itself said ({@code errorMessages} and {@code field: message}, joined by "; "), fit to show
     * a user; empty when Jira gave no words (unreachable, empty body).
     */
    public String jiraMessage() {
        return jiraMessage;
    }

    /** Jira's {@code errors} member: the message for each field it refused, in its order; empty when none. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    JiraException withFieldErrors(Map<String, String> errors) {
        this.fieldErrors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
        return this;
    }

    /** How long to wait before trying again, when Jira or the client's backoff says. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
