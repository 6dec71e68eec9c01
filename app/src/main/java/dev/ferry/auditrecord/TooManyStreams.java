package dev.ferry.auditrecord;

import dev.ferry.web.ApiProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** One follow stream more than an organization may hold open: 429, try again when one of them has closed. */
class TooManyStreams extends ApiProblem {

    private static final int RETRY_AFTER_SECONDS = 30;

    TooManyStreams(int max) {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "this organization already follows " + max
                + " audit record streams, the most it may hold open (ferry.audit-records.max-streams-per-organization);"
                + " close one or try again in " + RETRY_AFTER_SECONDS + " s");
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = super.headers();
        headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        return headers;
    }
}
