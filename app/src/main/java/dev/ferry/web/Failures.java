package dev.ferry.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Unexpected failures: one generic answer that names nothing inside Ferry, and one log line. */
final class Failures {

    static final String TITLE = "Internal error";
    static final String DETAIL = "Ferry could not complete the request; the cause is in its log";
    private static final Logger log = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, DETAIL);
        problem.setTitle(TITLE);
        return problem;
    }

    /**
     * With its stack trace only when the caller was authenticated: an anonymous request that breaks
     * something is worth a line, but must not let anyone fill the log with stack traces.
     */
    static void log(HttpServletRequest request, Throwable failure) {
        if (AuthenticatedRequests.isAuthenticated(request)) {
            log.error("{} {} failed", request.getMethod(), request.getRequestURI(), failure);
        } else {
            log.warn("{} {} (unauthenticated) failed: {}", request.getMethod(), request.getRequestURI(), failure.toString());
        }
    }
}
