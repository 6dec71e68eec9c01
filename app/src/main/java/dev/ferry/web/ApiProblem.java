package dev.ferry.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An answer that is about HTTP itself (a 401 with its challenge, a 429 with its wait), which web code
 * throws and {@code ProblemAdvice} writes as {@code application/problem+json}. What the domain refuses is
 * a {@link dev.ferry.refusal.Refusal} instead.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final String challenge;

    public ApiProblem(HttpStatus status, String title, String detail) {
        this(status, title, detail, null);
    }

    private ApiProblem(HttpStatus status, String title, String detail, String challenge) {
        super(detail);
        this.status = status;
        this.title = title;
        this.challenge = challenge;
    }

    /** 401 with the {@code WWW-Authenticate} challenge RFC 9110 requires on every 401. */
    public static ApiProblem unauthorized(String detail, String challenge) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, Problems.AUTHENTICATION_FAILED, detail, challenge);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Headers the answer carries besides the problem body. */
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        if (challenge != null) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        return headers;
    }
}
