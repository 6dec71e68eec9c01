package dev.ferry.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A refusal the product API explains to its caller: status, a short title and the detail. Any package
 * throws one; {@code ProblemAdvice} writes it as {@code application/problem+json}.
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

    /** Refuses the request with {@code 400} and the reason unless the condition holds. */
    public static void require(boolean condition, String reason) {
        if (!condition) {
            throw badRequest(reason);
        }
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Bad request", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", detail);
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
