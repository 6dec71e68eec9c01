package dev.ferry.admin;

import dev.ferry.web.ApiProblem;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A product API request over one of its limits: 429 with {@code Retry-After} in whole seconds (RFC 9110). */
class TooManyRequests extends ApiProblem {

    private final Duration retryAfter;

    TooManyRequests(String detail, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail + "; try again in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = super.headers();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
        return headers;
    }
}
