package dev.ferry.jira;

import java.time.Duration;
import java.util.Optional;

/** Jira answered a call with an error, or could not be reached; the kind says what a caller may do about it. */
public class JiraException extends RuntimeException {

    /** What went wrong, in the terms a caller acts on. */
    public enum Kind {
        /** 404: the issue or project is not there (deleted behind Ferry's back, or never was). */
        NOT_FOUND,
        /** 401: Jira no longer accepts the app's credentials for the site (revoked secret, uninstalled). */
        UNAUTHORIZED,
        /** 403: the app may not do this here (permissions, project access). */
        DENIED,
        /** 400: Jira refused the request itself. */
        INVALID,
        /** 429 after the client's own retries: try again at {@link #retryAfter()} or later. */
        RATE_LIMITED,
        /** 5xx, a timeout or a reset: worth trying again later. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;

    public JiraException(Kind kind, int status, String message, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when Jira could not be reached. */
    public int status() {
        return status;
    }

    /** Jira's own words for the refusal, fit to show a person (contract; pending). */
    public String jiraMessage() {
        return getMessage();
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
