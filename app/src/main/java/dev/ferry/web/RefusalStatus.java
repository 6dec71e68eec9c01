package dev.ferry.web;

import dev.ferry.refusal.Refusal;
import org.springframework.http.HttpStatus;

/** The one mapping from a domain refusal's kind to the HTTP status it is answered with. */
public final class RefusalStatus {

    private RefusalStatus() {
    }

    public static HttpStatus of(Refusal refusal) {
        return switch (refusal.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            // Ferry stands between the caller and Jira: Jira's refusal is a bad answer from upstream.
            case JIRA_REFUSED -> HttpStatus.BAD_GATEWAY;
            case JIRA_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}
